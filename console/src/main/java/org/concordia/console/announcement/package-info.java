/** Announcements: a coordinator writes one with a tab per language, sees its reach, sends or schedules it, edits, cancels or corrects it, and reads its report. */
@NullMarked
package org.concordia.console.announcement;

import org.jspecify.annotations.NullMarked;
