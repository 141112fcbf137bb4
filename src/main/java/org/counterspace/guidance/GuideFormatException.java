package org.counterspace.guidance;

/** A guide file that cannot be served as written: it stops start-up, and so the tests. */
class GuideFormatException extends RuntimeException {

    GuideFormatException(String file, String problem) {
        super(file + ": " + problem);
    }
}
