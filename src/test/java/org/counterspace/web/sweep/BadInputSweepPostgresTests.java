package org.counterspace.web.sweep;

import org.counterspace.support.OnPostgres;

/**
 * The bad-input sweep on PostgreSQL, as the production profile runs (sessions in the database too):
 * PostgreSQL refuses what H2 stores, a NUL for one.
 */
@OnPostgres
class BadInputSweepPostgresTests extends BadInputSweep {

    @Override
    String database() {
        return "PostgreSQL";
    }
}
