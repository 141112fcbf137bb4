package org.counterspace.account;

import java.util.UUID;

/**
 * A feature's part of "Export my data". The account export calls every exporter and writes each
 * result under {@link #section()} in the export's JSON.
 */
public interface PersonalDataExporter {

    /** The key of this feature's part in the export, e.g. {@code "checkins"}. */
    String section();

    /** Everything this feature holds for the account, as JSON-serialisable records, lists and maps. */
    Object export(UUID accountId);
}
