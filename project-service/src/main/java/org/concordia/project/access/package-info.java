/**
 * Who may do what with projects: the one place the service's access rules are written down, as a table the
 * controllers consult with the request's {@link org.concordia.platform.security.Caller}.
 */
@NullMarked
package org.concordia.project.access;

import org.jspecify.annotations.NullMarked;
