/**
 * Guidance: the founding article and practical guides, written as Markdown, rendered once at
 * start-up, with a table of contents per guide and a simple search. It also serves the start page,
 * which shows a signed-in person their day through {@link org.counterspace.checkin.CheckInToday}.
 */
@org.springframework.modulith.ApplicationModule
package org.counterspace.guidance;
