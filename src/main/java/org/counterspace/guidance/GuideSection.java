package org.counterspace.guidance;

/**
 * A level-two section of a guide.
 *
 * @param anchor stable id derived from the heading text, used in the table of contents and links
 */
public record GuideSection(String anchor, String title, String html, String plainText) {
}
