package org.counterspace.guidance;

/** One search result: a guide, and the section where the words were found (null for the introduction). */
record GuidanceHit(String slug, String guideTitle, String anchor, String sectionTitle, String snippet) {
}
