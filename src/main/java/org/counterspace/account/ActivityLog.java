package org.counterspace.account;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to an account, for its owner (table {@code account_event}, V44): the kind and when,
 * never an address, a device or anything typed. The same kind again in a row counts up the last
 * row instead of adding one, and only the newest {@link #KEPT} rows of an account are kept.
 */
@Component
class ActivityLog {

    static final int KEPT = 50;

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
            Locale.UK);

    /** What can happen; the owner is told of the kinds that {@link #worthTelling()} at their next sign-in. */
    enum Kind {
        CREATED(false), SIGNED_IN(false), SIGNED_IN_NEW_BROWSER(true), SIGN_IN_FAILED(true),
        WRONG_CURRENT_PASSWORD(true), PASSWORD_CHANGED(true), RECOVERY_CODE_USED(true), RECOVERY_CODES_REPLACED(true),
        SESSIONS_ENDED(true), SECOND_STEP_ON(true), SECOND_STEP_OFF(true), SECOND_STEP_FAILED(true),
        SECOND_STEP_RECOVERY_CODE(true);

        private final boolean worthTelling;

        Kind(boolean worthTelling) {
            this.worthTelling = worthTelling;
        }

        boolean worthTelling() {
            return worthTelling;
        }
    }

    private static final Set<String> KNOWN_KINDS = Arrays.stream(Kind.values()).map(Kind::name)
        .collect(Collectors.toUnmodifiableSet());

    /** One row: a kind, when it last happened, and how many times in a row. */
    record Entry(Kind kind, Instant at, int times) {
    }

    private final JdbcTemplate jdbc;

    ActivityLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(UUID accountId, Kind kind) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Map<String, Object>> last = jdbc.queryForList("select id, kind from account_event where account_id = ? "
                + "order by occurred_at desc fetch first 1 rows only", accountId);
        if (!last.isEmpty() && kind.name().equals(last.get(0).get("kind"))) {
            jdbc.update("update account_event set times = times + 1, occurred_at = ? where id = ?", now,
                    last.get(0).get("id"));
            return;
        }
        jdbc.update("insert into account_event (id, account_id, kind, occurred_at, times) values (?, ?, ?, ?, 1)",
                UUID.randomUUID(), accountId, kind.name(), now);
        jdbc.update("delete from account_event where account_id = ? and id not in (select id from account_event "
                + "where account_id = ? order by occurred_at desc fetch first " + KEPT + " rows only)", accountId,
                accountId);
    }

    /**
     * What the owner has not been told yet: the kinds worth telling since the last sign-in from a
     * browser that had been used for the account before (a sign-in from a new browser does not
     * count as a visit, so someone else's sign-in cannot hide what came before it). Empty when
     * nothing happened.
     */
    @Transactional(readOnly = true)
    public Optional<SinceLastVisit> sinceLastVisit(UUID accountId) {
        Map<Kind, Integer> happened = new EnumMap<>(Kind.class);
        Instant since = null;
        for (Entry entry : latest(accountId, KEPT)) {
            if (entry.kind() == Kind.SIGNED_IN) {
                since = entry.at();
                break;
            }
            if (entry.kind().worthTelling()) {
                happened.merge(entry.kind(), entry.times(), Integer::sum);
            }
        }
        return happened.isEmpty() ? Optional.empty() : Optional.of(new SinceLastVisit(since, happened));
    }

    /** The notice after a sign-in: since when (null: since the account was made) and what, how often. */
    record SinceLastVisit(Instant since, Map<Kind, Integer> happened) implements Serializable {

        /** When the last visit was, as the person reads it; empty for "since the account was made". */
        public String sinceIn(ZoneId zone) {
            return since == null ? "" : dayAndTime(since, zone);
        }
    }

    /** A day and time as people read them, in their own time zone: "Tuesday 3 December 2026, 18:02". */
    static String dayAndTime(Instant at, ZoneId zone) {
        return DAY_AND_TIME.format(at.atZone(zone));
    }

    /** The newest entries first; a kind this version does not know (written by a newer one) is left out. */
    @Transactional(readOnly = true)
    public List<Entry> latest(UUID accountId, int limit) {
        return jdbc.query("select kind, occurred_at, times from account_event where account_id = ? "
                + "order by occurred_at desc fetch first " + limit + " rows only",
                (row, n) -> KNOWN_KINDS.contains(row.getString("kind"))
                        ? new Entry(Kind.valueOf(row.getString("kind")), row.getTimestamp("occurred_at").toInstant(),
                                row.getInt("times"))
                        : null,
                accountId)
            .stream()
            .filter(Objects::nonNull)
            .toList();
    }

    @Transactional
    public void deleteAll(UUID accountId) {
        jdbc.update("delete from account_event where account_id = ?", accountId);
    }
}
