package org.counterspace.web.sweep;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the sweep checks after every request, and what it counts: the status (never a 5xx), the rows
 * of every table (none added or removed by a refused request), the log (no stack trace, no event
 * over {@link #MAX_LOG_EVENT} characters), and the page (no script sent back unescaped, no trace).
 */
final class SweepLedger implements AutoCloseable {

    static final int MAX_LOG_EVENT = 2048;

    /**
     * Tables that are bookkeeping rather than data: the session store, Flyway's history, and the
     * account's activity log, which records refused password attempts on purpose so the owner learns
     * of them (and sign-ins of the sweep's own people at any moment), and the shared rate limits, where a
     * refused attempt still counts (the postgres profile).
     */
    private static final Set<String> NOT_DATA = Set.of("flyway_schema_history", "spring_session",
            "spring_session_attributes", "account_event", "rate_limit_bucket");

    /** How a page says a form was not accepted: the error summary, a field error, or an alert. */
    private static final List<String> REFUSAL_MARKERS = List.of("error-summary", "field__error", "role=\"alert\"");

    /** How a page answering a POST says what was done (an import's report). */
    private static final String DONE_MARKER = "role=\"status\"";

    /** One request's outcome as the checks need it. */
    record Outcome(String method, int status, String redirect, String contentType, String body) {

        /** A 4xx, the sign-in page instead, or a form shown again with what was wrong. */
        boolean refused() {
            return status >= 400 || (redirect != null && redirect.contains("/login")) || (formAgain() && says(REFUSAL_MARKERS));
        }

        boolean formAgain() {
            return status == 200 && !"GET".equals(method) && contentType != null && contentType.startsWith("text/html");
        }

        boolean says(List<String> markers) {
            return body != null && markers.stream().anyMatch(body::contains);
        }
    }

    private final JdbcTemplate jdbc;

    private final List<String> tables;

    private final String countSql;

    private long[] counts;

    private final Capture capture = new Capture();

    private final Map<String, Integer> perEndpoint = new TreeMap<>();

    private final Map<String, Long> millisPerEndpoint = new TreeMap<>();

    private long started;

    private final Set<String> failures = new LinkedHashSet<>();

    private int total;

    private int largestLogEvent;

    private final Runnable settle;

    /** {@code settle}: waits for work a request started in the background, before its rows are counted. */
    SweepLedger(JdbcTemplate jdbc, Runnable settle) {
        this.jdbc = jdbc;
        this.settle = settle;
        this.tables = dataTables(jdbc);
        this.countSql = "select " + tables.stream().map(t -> "(select count(*) from " + t + ")")
            .collect(Collectors.joining(", "));
        this.counts = counts();
        capture.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        capture.start();
        root().addAppender(capture);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static List<String> dataTables(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] { "TABLE" })) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!NOT_DATA.contains(name.toLowerCase(Locale.ROOT))) {
                        names.add(name);
                    }
                }
            }
            Collections.sort(names);
            return names;
        });
    }

    List<String> tables() {
        return tables;
    }

    private long[] counts() {
        return jdbc.query(countSql, rs -> {
            rs.next();
            long[] values = new long[tables.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        });
    }

    /** Call just before a request: what is logged from here on belongs to it. */
    void before() {
        capture.events.clear();
        started = System.nanoTime();
    }

    /** Checks one request's outcome; {@code what} names the endpoint, the parameter and the value. */
    void after(SweepEndpoint endpoint, String what, Outcome outcome) {
        total++;
        perEndpoint.merge(endpoint.toString(), 1, Integer::sum);
        millisPerEndpoint.merge(endpoint.toString(), (System.nanoTime() - started) / 1_000_000, Long::sum);
        String where = endpoint + " " + what;
        if (outcome.status() >= 500) {
            fail(where, "answered " + outcome.status());
        }
        settle.run();
        long[] now = counts();
        if (outcome.refused() && outcome.status() < 500) {
            String changed = changedTables(now);
            if (!changed.isEmpty()) {
                fail(where, "refused with " + outcome.status() + " but changed rows of " + changed);
            }
        }
        counts = now;
        if (outcome.formAgain() && !outcome.says(REFUSAL_MARKERS) && !outcome.says(List.of(DONE_MARKER))) {
            fail(where, "answered 200 to a POST without a message saying what was wrong or what was done");
        }
        if (isHtml(outcome) && outcome.body() != null) {
            if (outcome.body().contains(SweepValues.SCRIPT)) {
                fail(where, "sent the script back unescaped");
            }
            if (outcome.body().contains("Exception") || outcome.body().contains("\tat org.")) {
                fail(where, "showed an exception on the page");
            }
        }
        checkLog(where);
    }

    private static boolean isHtml(Outcome outcome) {
        return outcome.contentType() != null && outcome.contentType().startsWith("text/html");
    }

    private String changedTables(long[] now) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < now.length; i++) {
            if (now[i] != counts[i]) {
                changed.add(tables.get(i) + " " + counts[i] + "->" + now[i]);
            }
        }
        return String.join(", ", changed);
    }

    private void checkLog(String where) {
        List<ILoggingEvent> events;
        synchronized (capture.events) {
            events = new ArrayList<>(capture.events);
        }
        for (ILoggingEvent event : events) {
            int size = event.getFormattedMessage() == null ? 0 : event.getFormattedMessage().length();
            largestLogEvent = Math.max(largestLogEvent, size);
            if (event.getThrowableProxy() != null) {
                fail(where, "logged a stack trace (" + event.getLoggerName() + ": "
                        + event.getThrowableProxy().getClassName() + ")");
            }
            if (size > MAX_LOG_EVENT) {
                fail(where, "logged " + size + " characters in one event (" + event.getLoggerName() + ")");
            }
        }
    }

    /** Records a failure, each one once. */
    void fail(String where, String problem) {
        failures.add(where + ": " + problem);
    }

    List<String> failures() {
        return new ArrayList<>(failures);
    }

    int total() {
        return total;
    }

    int largestLogEvent() {
        return largestLogEvent;
    }

    Map<String, Integer> perEndpoint() {
        return perEndpoint;
    }

    /** The time its requests took, answers and checks included. */
    Map<String, Long> millisPerEndpoint() {
        return millisPerEndpoint;
    }

    @Override
    public void close() {
        root().detachAppender(capture);
        capture.stop();
    }

    /** Keeps the events logged since the last request started, from any thread. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {

        final List<ILoggingEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    }
}
