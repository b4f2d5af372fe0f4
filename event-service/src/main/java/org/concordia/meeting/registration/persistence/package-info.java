/** MongoDB behind the ports of the package above. */
@NullMarked
package org.concordia.meeting.registration.persistence;

import org.jspecify.annotations.NullMarked;
