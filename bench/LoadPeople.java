import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated people for bench/load.sh and bench/faults.sh: each one a browser of its own (cookie jar,
 * CSRF tokens from the forms, no redirects followed), all sharing one HTTP client. Run with
 * {@code java bench/LoadPeople.java --base URL --out DIR [options]} (Java 17, no dependencies).
 * <ul>
 * <li>{@code --mode journey} (default): each person, over and over, reads the guide list and a guide,
 * searches the directory, registers (the first time) or signs in, checks in, reads their journal
 * and signs out.</li>
 * <li>{@code --mode checkins}: each person registers once, then checks in over and over (form, then
 * post), signing in again whenever the session is gone (after an app restart, say).</li>
 * <li>{@code --mode curator} (bench/scale-out.sh): one curator ({@code --admin NAME --admin-password PW})
 * signs in once on the last of {@code --bases URL,URL} (instances of one cluster), then over and over
 * creates a service on one instance and searches for it on the other until it is found, retires it and
 * searches until it is gone; an instance that stops answering is dropped, and the curator goes on with
 * the same session on the others. Writes signed-in once signed in, and visibility.tsv (ms since epoch,
 * created|retired, cross|same instance, milliseconds until the search showed it, -1 if not within 10 s).</li>
 * </ul>
 * Every check-in carries a note unique to the run ({@code lp-RUN-PERSON-SEQ}); a check-in is
 * acknowledged when its POST is answered with a redirect to the journal. Writes to DIR:
 * requests.tsv (start ms since epoch, kind, status (0: no answer), milliseconds, 1 if a 5xx page was
 * calm: HTML with the site's links and no stack trace), acked.txt (the notes acknowledged, written
 * as they come, so a script can wait for some) and summary.txt (also printed).
 * Options: --people 64, --seconds 60, --think 100-400 (ms before each request), --timeout 15 (s),
 * --run TAG, --stop-file PATH (the people stop early once this file exists), --ramp 10 (s over which
 * the people arrive, one after another).
 */
public class LoadPeople {

    static final String PASSWORD = "a long walk along the quiet canal";

    static final String[] SEARCHES = { "food", "housing", "counselling", "shelter", "helpline", "group", "legal advice" };

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static final Pattern GUIDE = Pattern.compile("href=\"/guidance/([a-z0-9-]+)\"");

    static final Pattern STACK_TRACE = Pattern.compile("Exception|\\tat [a-z]+\\.|\\bat org\\.");

    record Result(long startedMs, String kind, int status, long millis, boolean calm) {
    }

    final Map<String, String> options = new LinkedHashMap<>(Map.of("people", "64", "seconds", "60", "think", "100-400",
            "timeout", "15", "ramp", "10", "mode", "journey", "run", Long.toString(System.currentTimeMillis() % 100_000)));

    final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();

    final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();

    PrintWriter ackedFile;

    HttpClient http;

    String base;

    long deadline;

    int thinkMin;

    int thinkMax;

    Duration timeout;

    Path stopFile;

    public static void main(String[] args) throws Exception {
        LoadPeople load = new LoadPeople();
        for (int i = 0; i + 1 < args.length; i += 2) {
            load.options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        load.run();
    }

    void run() throws Exception {
        base = options.get("base");
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        ackedFile = new PrintWriter(Files.newBufferedWriter(out.resolve("acked.txt")), true);
        int people = Integer.parseInt(options.get("people"));
        String[] think = options.get("think").split("-");
        thinkMin = Integer.parseInt(think[0]);
        thinkMax = Integer.parseInt(think[think.length - 1]);
        timeout = Duration.ofSeconds(Long.parseLong(options.get("timeout")));
        stopFile = options.containsKey("stop-file") ? Path.of(options.get("stop-file")) : null;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
        boolean journey = options.get("mode").equals("journey");
        long started = System.currentTimeMillis();
        deadline = started + Long.parseLong(options.get("seconds")) * 1000;
        long rampMillis = Long.parseLong(options.get("ramp")) * 1000;
        ExecutorService pool = Executors.newFixedThreadPool(people);
        for (int i = 0; i < people; i++) {
            Person person = new Person("lp" + options.get("run") + "." + i, "lp-" + options.get("run") + "-" + i);
            long arrival = rampMillis * i / people;
            pool.submit(() -> {
                try {
                    Thread.sleep(arrival);
                    if (options.get("mode").equals("curator")) {
                        person.curate(out);
                    }
                    else if (journey) {
                        person.journey();
                    }
                    else {
                        person.checkIns();
                    }
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                catch (RuntimeException | IOException e) {
                    e.printStackTrace();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double elapsed = (System.currentTimeMillis() - started) / 1000.0;
        write(out, people, elapsed);
        System.exit(0);
    }

    void write(Path out, int people, double elapsed) throws IOException {
        List<Result> all = new ArrayList<>(results);
        all.sort((a, b) -> Long.compare(a.startedMs(), b.startedMs()));
        try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out.resolve("requests.tsv")))) {
            for (Result r : all) {
                tsv.printf("%d\t%s\t%d\t%d\t%d%n", r.startedMs(), r.kind(), r.status(), r.millis(), r.calm() ? 1 : 0);
            }
        }
        ackedFile.close();
        Map<String, List<Result>> byKind = new TreeMap<>();
        all.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
        List<String> lines = new ArrayList<>();
        long answered = all.stream().filter(r -> r.status() > 0).count();
        lines.add(String.format("people=%d mode=%s seconds=%.1f think=%s ms", people, options.get("mode"), elapsed,
                options.get("think")));
        lines.add(String.format("requests=%d answered=%d throughput=%.1f/s %s", all.size(), answered,
                all.size() / elapsed, percentiles(all)));
        for (Map.Entry<String, List<Result>> kind : byKind.entrySet()) {
            lines.add(String.format("  %-13s %6d  %s  %s", kind.getKey(), kind.getValue().size(),
                    percentiles(kind.getValue()), statuses(kind.getValue())));
        }
        long fivexx = all.stream().filter(r -> r.status() >= 500).count();
        long calm = all.stream().filter(r -> r.status() >= 500 && r.calm()).count();
        long noAnswer = all.stream().filter(r -> r.status() == 0).count();
        lines.add(String.format("status_5xx=%d calm_5xx=%d no_answer=%d acknowledged_checkins=%d", fivexx, calm, noAnswer,
                acknowledged.size()));
        Files.write(out.resolve("summary.txt"), lines);
        lines.forEach(System.out::println);
    }

    static String percentiles(List<Result> results) {
        long[] millis = results.stream().filter(r -> r.status() > 0).mapToLong(Result::millis).sorted().toArray();
        if (millis.length == 0) {
            return "p50=- p95=- p99=- max=-";
        }
        return String.format("p50=%dms p95=%dms p99=%dms max=%dms", at(millis, 50), at(millis, 95), at(millis, 99),
                millis[millis.length - 1]);
    }

    static long at(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    static String statuses(List<Result> results) {
        Map<Integer, Integer> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts.toString();
    }

    record Answer(int status, String location, String body) {

        boolean redirectTo(String path) {
            return (status == 302 || status == 303) && location != null && URI.create(location).getPath().equals(path);
        }
    }

    final class Person {

        final String username;

        final String notePrefix;

        final Map<String, String> cookies = new LinkedHashMap<>();

        boolean registered;

        boolean signedIn;

        String token;

        String guide;

        int sequence;

        Person(String username, String notePrefix) {
            this.username = username;
            this.notePrefix = notePrefix;
        }

        boolean running() {
            return System.currentTimeMillis() < deadline && (stopFile == null || !Files.exists(stopFile));
        }

        void journey() throws InterruptedException {
            while (running()) {
                Answer guidance = get("guidance", "/guidance");
                Matcher guides = GUIDE.matcher(guidance.body());
                List<String> slugs = new ArrayList<>();
                while (guides.find()) {
                    slugs.add(guides.group(1));
                }
                if (!slugs.isEmpty()) {
                    guide = slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
                }
                if (guide != null) {
                    get("guide", "/guidance/" + guide);
                }
                String query = SEARCHES[ThreadLocalRandom.current().nextInt(SEARCHES.length)];
                get("search", "/support?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                if (!signIn() || !running()) {
                    continue;
                }
                checkIn();
                get("history", "/checkins");
                if (token != null && post("logout", "/logout", Map.of("_csrf", token)).redirectTo("/login")) {
                    signedIn = false;
                    cookies.remove("SESSION");
                    cookies.remove("JSESSIONID");
                }
            }
        }

        void curate(Path out) throws InterruptedException, IOException {
            List<String> bases = new ArrayList<>(List.of(options.get("bases").split(",")));
            String name = options.get("admin");
            String signedInOn = bases.get(bases.size() - 1);
            Answer login = new Answer(0, null, "");
            while (running() && (login.status() != 302 || String.valueOf(login.location()).contains("error"))) {
                String form = find(CSRF, getAt("login-form", signedInOn, "/login").body());
                login = form == null ? login : postAt("login", signedInOn, "/login",
                        Map.of("_csrf", form, "username", name, "password", options.get("admin-password")));
            }
            Files.writeString(out.resolve("signed-in"), signedInOn);
            try (PrintWriter visibility = new PrintWriter(Files.newBufferedWriter(out.resolve("visibility.tsv")), true)) {
                for (int round = 0; running() && !bases.isEmpty(); round++) {
                    String editOn = bases.get(round % bases.size());
                    String searchOn = bases.get((round + 1) % bases.size());
                    String token = find(CSRF, getAt("curate-form", editOn, "/curate/services/new").body());
                    String word = "zq" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
                    Answer created = token == null ? new Answer(0, null, "") : postAt("curate-create", editOn,
                            "/curate/services", Map.of("_csrf", token, "name", "Scaleout " + word + " Circle",
                                    "organization", "Scaleout Friends", "description", "A circle for the scale-out benchmark.",
                                    "cost", "free", "ageGroup", "all", "country", "GB", "timeZone", "Europe/London"));
                    if (created.status() == 0) {
                        bases.remove(editOn);
                        continue;
                    }
                    if (created.location() == null) {
                        continue;
                    }
                    String where = editOn.equals(searchOn) ? "same" : "cross";
                    if (!visible(visibility, "created", where, searchOn, word, true)) {
                        bases.remove(searchOn);
                        continue;
                    }
                    String path = URI.create(created.location()).getPath();
                    String edit = find(CSRF, getAt("curate-edit", editOn, path).body());
                    if (edit == null || postAt("curate-retire", editOn, path + "/retire", Map.of("_csrf", edit)).status() != 302) {
                        continue;
                    }
                    visible(visibility, "retired", where, searchOn, word, false);
                }
            }
        }

        /** Searches for the word until its service is shown (or gone); false if the instance did not answer. */
        boolean visible(PrintWriter visibility, String change, String where, String searchOn, String word,
                boolean shown) throws InterruptedException {
            long started = System.currentTimeMillis();
            while (System.currentTimeMillis() - started < 10_000) {
                Answer page = getAt("visibility", searchOn, "/support?q=" + word);
                if (page.status() == 0) {
                    return false;
                }
                // the card's name: the search box repeats the word itself
                if (page.body().contains("Scaleout " + word + " Circle") == shown) {
                    visibility.printf("%d\t%s\t%s\t%d%n", started, change, where, System.currentTimeMillis() - started);
                    return true;
                }
                Thread.sleep(50);
            }
            visibility.printf("%d\t%s\t%s\t-1%n", started, change, where);
            return true;
        }

        void checkIns() throws InterruptedException {
            while (running()) {
                if (signIn()) {
                    checkIn();
                }
            }
        }

        /** Registers the first time, signs in after that; whether this person is signed in now. */
        boolean signIn() throws InterruptedException {
            if (signedIn) {
                return true;
            }
            String kind = registered ? "login" : "register";
            String form = find(CSRF, get(kind + "-form", "/" + kind).body());
            if (form == null) {
                return false;
            }
            Map<String, String> fields = new LinkedHashMap<>(Map.of("_csrf", form, "username", username, "password",
                    PASSWORD));
            if (!registered) {
                fields.put("confirm", PASSWORD);
            }
            Answer answer = post(kind, "/" + kind, fields);
            signedIn = (answer.status() == 302 || answer.status() == 303)
                    && !String.valueOf(answer.location()).contains("error");
            // the form again after a registration: most likely one stored after the client gave up
            // waiting for its answer (the name is taken now), so sign in from here on
            registered |= signedIn || answer.status() == 200;
            return signedIn;
        }

        void checkIn() throws InterruptedException {
            Answer form = get("checkin-form", "/checkins/new");
            if (form.redirectTo("/login")) {
                signedIn = false;
                return;
            }
            String formToken = find(CSRF, form.body());
            if (formToken == null) {
                return;
            }
            String note = notePrefix + "-" + (++sequence);
            Answer saved = post("checkin", "/checkins/new", Map.of("_csrf", formToken, "day",
                    LocalDate.now().minusDays(1).toString(), "mood", Integer.toString(1 + sequence % 5), "homePull",
                    Integer.toString(sequence % 11), "note", note));
            if (saved.redirectTo("/checkins")) {
                acknowledged.add(note);
                synchronized (ackedFile) {
                    ackedFile.println(note);
                }
            }
            else if (saved.redirectTo("/login")) {
                signedIn = false;
            }
        }

        Answer get(String kind, String path) throws InterruptedException {
            return getAt(kind, base, path);
        }

        Answer getAt(String kind, String at, String path) throws InterruptedException {
            return send(kind, HttpRequest.newBuilder(URI.create(at + path)).GET());
        }

        Answer post(String kind, String path, Map<String, String> fields) throws InterruptedException {
            return postAt(kind, base, path, fields);
        }

        Answer postAt(String kind, String at, String path, Map<String, String> fields) throws InterruptedException {
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(kind, HttpRequest.newBuilder(URI.create(at + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        Answer send(String kind, HttpRequest.Builder request) throws InterruptedException {
            Thread.sleep(ThreadLocalRandom.current().nextInt(thinkMin, thinkMax + 1));
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            long startedMs = System.currentTimeMillis();
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofString());
                long millis = (System.nanoTime() - started) / 1_000_000;
                response.headers().allValues("Set-Cookie").forEach(this::keep);
                String body = response.body();
                boolean calm = response.statusCode() >= 500 && body.contains("href=\"/exit\"")
                        && !STACK_TRACE.matcher(body).find();
                results.add(new Result(startedMs, kind, response.statusCode(), millis, calm));
                if (response.statusCode() == 200) {
                    String pageToken = find(CSRF, body);
                    token = pageToken != null ? pageToken : token;
                }
                return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null), body);
            }
            catch (IOException e) {
                results.add(new Result(startedMs, kind, 0, (System.nanoTime() - started) / 1_000_000, false));
                Thread.sleep(250); // refused or timed out: do not spin while the app is away
                return new Answer(0, null, "");
            }
        }

        void keep(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            }
            else {
                cookies.put(name, value);
            }
        }
    }

    static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }
}
