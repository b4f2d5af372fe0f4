/** The organization directory in MongoDB, upserted conditionally so that replays change nothing. */
@NullMarked
package org.concordia.project.directory.persistence;

import org.jspecify.annotations.NullMarked;
