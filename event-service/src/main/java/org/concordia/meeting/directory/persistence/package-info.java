/** MongoDB behind the ports of the package above. */
@NullMarked
package org.concordia.meeting.directory.persistence;

import org.jspecify.annotations.NullMarked;
