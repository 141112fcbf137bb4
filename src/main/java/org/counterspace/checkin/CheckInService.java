package org.counterspace.checkin;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.counterspace.account.AccountLock;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;

/** Check-ins and counter-environments of one person at a time: every method takes the owner's id. */
@Service
@Transactional(readOnly = true)
class CheckInService {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** The examples from the founding article every new account starts with. */
    static final List<Map.Entry<EnvironmentKind, String>> STARTERS = List.of(
            Map.entry(EnvironmentKind.SPACE, "A place I feel safer"),
            Map.entry(EnvironmentKind.PERSON, "A friend outside home"),
            Map.entry(EnvironmentKind.PERSON, "A support group"),
            Map.entry(EnvironmentKind.PRACTICE, "Exercise"),
            Map.entry(EnvironmentKind.PRACTICE, "Journaling"),
            Map.entry(EnvironmentKind.PRACTICE, "Music"),
            Map.entry(EnvironmentKind.PRACTICE, "Creative work"));

    /** Environments in display order: spaces, then people, then practices, each in the order they were added. */
    static final Comparator<CounterEnvironment> DISPLAY_ORDER = Comparator.comparing(CounterEnvironment::getKind)
        .thenComparingInt(CounterEnvironment::getPosition);

    private final CounterEnvironmentRepository environments;

    private final CheckInRepository checkIns;

    private final CheckInLimits limits;

    private final AccountLock accountLock;

    private final JdbcClient jdbc;

    private final Clock clock;

    CheckInService(CounterEnvironmentRepository environments, CheckInRepository checkIns, CheckInLimits limits,
            AccountLock accountLock, JdbcClient jdbc) {
        this.accountLock = accountLock;
        this.jdbc = jdbc;
        this.environments = environments;
        this.checkIns = checkIns;
        this.limits = limits;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    void seed(UUID accountId) {
        int position = environments.maxPosition(accountId);
        for (Map.Entry<EnvironmentKind, String> starter : STARTERS) {
            environments.save(new CounterEnvironment(accountId, starter.getKey(), starter.getValue(), ++position));
        }
    }

    // ---- counter-environments

    /**
     * All of a person's environments (archived too), in display order, as the database holds them. Every
     * journal page shows them, so they are read with plain JDBC and without a transaction of their own:
     * as entities, in a transaction each, they were a tenth of the history, trends and form pages' work.
     * They are copies, not managed entities: an environment is changed through {@link #ownEnvironment}, and
     * one added in a transaction that has not been flushed yet is not among them.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    List<CounterEnvironment> environments(UUID accountId) {
        return jdbc.sql(ENVIRONMENTS).param(accountId)
            .query((row, n) -> CounterEnvironment.copyOf(row.getObject(1, UUID.class), accountId,
                    EnvironmentKind.valueOf(row.getString(2)), row.getString(3), row.getBoolean(4), row.getInt(5)))
            .list()
            .stream()
            .sorted(DISPLAY_ORDER)
            .toList();
    }

    private static final String ENVIRONMENTS = """
            select id, kind, name, archived, position from counter_environment where account_id = ?""";

    @Transactional(propagation = Propagation.SUPPORTS)
    Map<UUID, CounterEnvironment> environmentsById(UUID accountId) {
        return environments(accountId).stream()
            .collect(Collectors.toMap(CounterEnvironment::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** Whether every id names one of this person's environments (archived ones included). */
    boolean ownsAll(UUID accountId, Collection<UUID> ids) {
        Set<UUID> distinct = Set.copyOf(ids);
        return distinct.isEmpty() || environments.countOwned(accountId, distinct) == distinct.size();
    }

    /** True when another environment of this person already has this name (ignoring case and outer spaces). */
    boolean nameTaken(UUID accountId, String name, UUID except) {
        String key = nameKey(name);
        return environments.findByAccountIdOrderByPositionAsc(accountId).stream()
            .anyMatch(e -> !e.getId().equals(except) && nameKey(e.getName()).equals(key));
    }

    /**
     * What makes two names the same counter-environment: outer spaces ignored, compatibility forms
     * folded (NFKC: a full-width "Ｗａｌｋ" is "Walk"), case ignored.
     */
    static String nameKey(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    @Transactional
    CounterEnvironment addEnvironment(UUID accountId, EnvironmentKind kind, String name) {
        return environments.save(new CounterEnvironment(accountId, kind, name.strip(), environments.maxPosition(accountId) + 1));
    }

    @Transactional
    void renameEnvironment(UUID accountId, UUID id, String name) {
        ownEnvironment(accountId, id).rename(name.strip());
    }

    @Transactional
    void archiveEnvironment(UUID accountId, UUID id, boolean archived) {
        ownEnvironment(accountId, id).setArchived(archived);
    }

    CounterEnvironment ownEnvironment(UUID accountId, UUID id) {
        return environments.findByIdAndAccountId(id, accountId).orElseThrow(CheckInService::notFound);
    }

    // ---- check-ins

    /**
     * The rules for a check-in form that need the person: the date in their time zone, and only their
     * own environments. Problems are added to the form's errors. Opens no transaction of its own: most
     * check-ins name no environment, and then {@link #ownsAll} has nothing to look up.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    void validate(UUID accountId, ZoneId zone, CheckInForm form, Errors errors) {
        if (!errors.hasFieldErrors("day")) {
            LocalDate day = form.date();
            Optional<String> problem = day == null ? Optional.of("invalid")
                    : dayProblem(day, LocalDate.now(clock.withZone(zone)));
            problem.ifPresent(p -> errors.rejectValue("day", "checkin.error.day." + p));
        }
        if (form.malformedEnvironments() || !ownsAll(accountId, form.chosen())) {
            errors.rejectValue("environments", "checkin.error.environments.unknown");
        }
    }

    /** Holds the account's journal until the surrounding transaction ends ({@link AccountLock#hold}). */
    @Transactional(propagation = Propagation.MANDATORY)
    void holdJournal(UUID accountId) {
        accountLock.hold(accountId);
    }

    /** Why a real date cannot hold a check-in, "future" or "early" (the ends of its message keys), if it cannot. */
    static Optional<String> dayProblem(LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            return Optional.of("future");
        }
        return day.isBefore(EARLIEST) ? Optional.of("early") : Optional.empty();
    }

    /**
     * Saves a new check-in unless {@link CheckInLimits#checkInsPerDay()} were already saved through the
     * form in the last 24 hours (imports have their own allowance); then the form's errors say so.
     */
    @Transactional
    Optional<CheckIn> recordWithinLimit(UUID accountId, CheckInEntry entry, Errors errors) {
        holdJournal(accountId);
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        if (checkIns.countRecordedSince(accountId, dayAgo, false) >= limits.checkInsPerDay()) {
            errors.reject("checkin.error.dailyLimit", new Object[] { limits.checkInsPerDay() }, null);
            return Optional.empty();
        }
        return Optional.of(record(accountId, entry));
    }

    @Transactional
    CheckIn record(UUID accountId, CheckInEntry entry) {
        requireOwned(accountId, entry);
        return checkIns.save(new CheckIn(accountId, clock.instant(), entry));
    }

    @Transactional
    void update(UUID accountId, UUID id, CheckInEntry entry) {
        requireOwned(accountId, entry);
        find(accountId, id).update(entry);
    }

    @Transactional
    void delete(UUID accountId, UUID id) {
        checkIns.delete(find(accountId, id));
    }

    CheckIn find(UUID accountId, UUID id) {
        return checkIns.findByIdAndAccountId(id, accountId).orElseThrow(CheckInService::notFound);
    }

    List<CheckIn> between(UUID accountId, LocalDate from, LocalDate to) {
        return checkIns.between(accountId, from, to);
    }

    /** How many check-ins each day of a month holds (days without any are absent). */
    Map<LocalDate, Long> calendar(UUID accountId, YearMonth month) {
        Map<LocalDate, Long> counts = new TreeMap<>();
        for (Object[] row : checkIns.countsPerDay(accountId, month.atDay(1), month.atEndOfMonth())) {
            counts.put((LocalDate) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * Counter-environment moments this week (from Monday), this month and in all time, in one pass (one
     * per environment named in a check-in). The trends and home pages show them: a plain query without a
     * transaction of its own, as {@link #environments}.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Accumulated accumulated(UUID accountId, LocalDate today) {
        LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        LocalDate first = today.withDayOfMonth(1);
        return jdbc.sql(MOMENTS).params(monday, first, accountId)
            .query((row, n) -> new Accumulated(monday, row.getLong(1), first, row.getLong(2), row.getLong(3)))
            .single();
    }

    private static final String MOMENTS = """
            select coalesce(sum(case when c.entry_date >= ? then 1 else 0 end), 0),
                   coalesce(sum(case when c.entry_date >= ? then 1 else 0 end), 0), count(*)
            from check_in c join check_in_environment e on e.check_in_id = c.id where c.account_id = ?""";

    boolean checkedInOn(UUID accountId, LocalDate day) {
        return checkIns.existsByAccountIdAndDay(accountId, day);
    }

    @Transactional
    void eraseAll(UUID accountId) {
        checkIns.deleteAllOf(accountId);
        environments.deleteAllOf(accountId);
    }

    private void requireOwned(UUID accountId, CheckInEntry entry) {
        if (!ownsAll(accountId, entry.environmentIds())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
