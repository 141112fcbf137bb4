#!/usr/bin/env python3
"""Where a request's CPU goes, from a JFR recording of the running app:
    java ... -XX:StartFlightRecording=settings=profile,filename=run.jfr -jar ...   (recording from launch)
    jfr print --json --events jdk.ExecutionSample --stack-depth 200 run.jfr > run.json
    bench/jfr-shares.py run.json [thread-name part, default http-nio] [FROM_MS TO_MS]
FROM_MS TO_MS (epoch milliseconds, e.g. `date +%s%3N` before and after a wrk run) keep only the samples
of that window, so the warm-up before it is left out. Start the recording with the app: `jcmd PID
JFR.start` on a running app re-instruments JDK classes and throws compiled code away, and on two cores
the requests measured then cost several times their usual CPU.
Prints each area's share of the request threads' samples (inclusive: the stack holds the area;
exclusive: the innermost area of each sample), the top leaf frames and the innermost project frames."""
import json, sys, collections, re, datetime
data = json.load(open(sys.argv[1]))
events = data["recording"]["events"]
AREAS = [  # (name, regex on "class.method"); innermost match wins for the exclusive view
 ("query parse (TypedWords/Needs/Gazetteer/Synonyms/SearchRequest)", r"directory\.search\.(TypedWords|Needs|Gazetteer|Synonyms|SearchRequest|QueryText)"),
 ("facet counts (aggregations)", r"(lucene\.lowlevel\.aggregation|lucene\.search\.aggregation|facet|SearchFacets|TermsAggregation|Aggregation)"),
 ("result-card projection", r"(CardFields|ServiceCard|lucene\.search\.projection|StoredFields|StoredFieldsReader|projection)"),
 ("filter panel model (SearchFilters)", r"directory\.search\.SearchFilters"),
 ("lucene query execution", r"org\.apache\.lucene\.(search|index|codecs|util)"),
 ("hibernate search other", r"org\.hibernate\.search"),
 ("hibernate orm / jdbc", r"(org\.hibernate\.(?!search)|com\.zaxxer|org\.h2|org\.postgresql)"),
 ("thymeleaf", r"(org\.thymeleaf|thymeleaf)"),
 ("spring el", r"org\.springframework\.expression"),
 ("message lookup", r"(MessageSource|ResourceBundle|MessageFormat)"),
 ("spring security filter chain", r"org\.springframework\.security"),
 ("spring mvc", r"org\.springframework\.web"),
 ("counterspace other", r"org\.counterspace"),
 ("tomcat / http", r"org\.apache\.(coyote|catalina|tomcat)"),
]
comp = [(n, re.compile(p)) for n, p in AREAS]
def frame_name(fr):
    m = fr["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]
incl = collections.Counter(); excl = collections.Counter(); leaf = collections.Counter(); cs = collections.Counter()
total = 0
thread_filter = sys.argv[2] if len(sys.argv) > 2 else "http-nio"
window = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else None
def epoch_ms(stamp):  # JFR's ISO time, nanoseconds cut to what fromisoformat reads
    day, _, rest = stamp.rstrip("Z").partition("T")
    whole, _, fraction = rest.partition(".")
    moment = datetime.datetime.fromisoformat(f"{day}T{whole}.{(fraction + '000000')[:6]}")
    return moment.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000
for e in events:
    v = e["values"]
    if window and not window[0] <= epoch_ms(v["startTime"]) <= window[1]:
        continue
    t = (v.get("sampledThread") or {}).get("javaName") or ""
    if thread_filter not in t:
        continue
    frames = [frame_name(f) for f in v["stackTrace"]["frames"]]
    total += 1
    leaf[frames[0] if frames else "?"] += 1
    seen = set(); inner = None
    for fr in frames:  # leaf first
        for n, rx in comp:
            if rx.search(fr):
                seen.add(n)
                if inner is None: inner = n
                break
    for n in seen: incl[n] += 1
    excl[inner or "other (JDK etc.)"] += 1
    for fr in frames:
        if fr.startswith("org.counterspace"):
            cs[fr] += 1; break
print(f"samples on {thread_filter} threads: {total}")
print("\n== inclusive share (stack contains the area) ==")
for n, c in incl.most_common(): print(f"{100*c/total:5.1f}%  {n}")
print("\n== exclusive share (innermost area of each sample) ==")
for n, c in excl.most_common(): print(f"{100*c/total:5.1f}%  {n}")
print("\n== top leaf frames ==")
for n, c in leaf.most_common(25): print(f"{100*c/total:5.1f}%  {n}")
print("\n== innermost counterspace frame ==")
for n, c in cs.most_common(25): print(f"{100*c/total:5.1f}%  {n}")
