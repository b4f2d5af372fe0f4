/** What coordinators do with projects: the use cases, and following organizations' changes. */
@NullMarked
package org.concordia.project.project;

import org.jspecify.annotations.NullMarked;
