package org.counterspace.web.sweep;

/** The bad-input sweep on the embedded database (H2), as the default profile runs. */
class BadInputSweepTests extends BadInputSweep {

    @Override
    String database() {
        return "H2";
    }
}
