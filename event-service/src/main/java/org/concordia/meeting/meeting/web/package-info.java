/** The meetings' REST API. */
@NullMarked
package org.concordia.meeting.meeting.web;

import org.jspecify.annotations.NullMarked;
