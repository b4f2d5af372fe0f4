/** What the controllers of this service share: OpenAPI texts and the document's description. */
@NullMarked
package org.concordia.meeting.common.web;

import org.jspecify.annotations.NullMarked;
