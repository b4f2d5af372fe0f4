/** The webhooks API of organizations. */
@NullMarked
package org.concordia.notification.webhook.web;

import org.jspecify.annotations.NullMarked;
