/** organization-service: organizations, chapters, people, memberships and partnerships. */
@NullMarked
package org.concordia.organization;

import org.jspecify.annotations.NullMarked;
