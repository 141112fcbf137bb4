/**
 * Guidance: the founding article and practical guides, written as Markdown, rendered once at
 * start-up, with a table of contents per guide and a simple search.
 */
@org.springframework.modulith.ApplicationModule
package org.counterspace.guidance;
