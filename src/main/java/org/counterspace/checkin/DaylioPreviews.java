package org.counterspace.checkin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.counterspace.account.AccountLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daylio files waiting on their preview page, in the database rather than the HTTP session: one per
 * account (a new upload replaces the last), each kept for {@code previewKeptFor}, all of them
 * together at most {@code previewsHeld} characters (the oldest give way). The text is kept rather
 * than the parsed entries, which took about six times the file's size in memory. Any instance
 * sharing the database finds the preview, as it found the session before.
 */
@Component
class DaylioPreviews {

    private final JdbcClient jdbc;

    private final CheckInLimits limits;

    private final Clock clock;

    private final AccountLock accountLock;

    DaylioPreviews(JdbcClient jdbc, CheckInLimits limits, AccountLock accountLock) {
        this.accountLock = accountLock;
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = Clock.systemUTC();
    }

    /** A waiting file and the id of its upload. */
    record Waiting(UUID id, String content) {
    }

    /**
     * Keeps this file as the account's one preview, making room by dropping expired and then the
     * oldest previews; the id of this upload.
     */
    @Transactional
    UUID keep(UUID accountId, String content) {
        // Uploads of one account wait for each other on its row, so two at once cannot both insert a preview.
        accountLock.hold(accountId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("delete from daylio_preview where account_id = ? or uploaded_at < ?")
            .params(accountId, now.minus(limits.previewKeptFor()))
            .update();
        long room = limits.previewsHeld().toBytes() - content.length();
        for (long held = held(); held > 0 && held > room; held = held()) {
            jdbc.sql("delete from daylio_preview where account_id = (select account_id from daylio_preview "
                    + "order by uploaded_at fetch first 1 rows only)").update();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into daylio_preview (account_id, preview_id, uploaded_at, characters, content) "
                + "values (?, ?, ?, ?, ?)")
            .params(accountId, id, now, content.length(), content)
            .update();
        return id;
    }

    /** The account's preview, unless it has expired. */
    @Transactional(readOnly = true)
    Optional<Waiting> find(UUID accountId) {
        return jdbc.sql("select preview_id, content from daylio_preview where account_id = ? and uploaded_at >= ?")
            .params(accountId, OffsetDateTime.now(clock).minus(limits.previewKeptFor()))
            .query((row, number) -> new Waiting(row.getObject(1, UUID.class), row.getString(2)))
            .optional();
    }

    @Transactional
    void drop(UUID accountId) {
        jdbc.sql("delete from daylio_preview where account_id = ?").param(accountId).update();
    }

    /** Characters all waiting previews hold together. */
    private long held() {
        return jdbc.sql("select coalesce(sum(characters), 0) from daylio_preview").query(Long.class).single();
    }
}
