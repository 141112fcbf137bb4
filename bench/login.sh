#!/usr/bin/env bash
# Sign-in and signed-in page benchmark for the account feature.
# Starts the app jar on a free port with its own H2 file, registers one account, warms up, then measures:
#   1. form sign-ins per second (GET /login for a CSRF token, POST /login), with server CPU per sign-in,
#   2. pages anonymous vs signed in (wrk), with server CPU per request: /help, which is rendered for
#      everyone, and /guidance, which anonymous visitors get from the shared-page cache.
# Writes bench/results/login.txt and stops the app it started. Only talks to 127.0.0.1.
# Usage: bench/login.sh [seconds per measurement, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
RESULTS=bench/results/login.txt
source bench/lib.sh
BENCH_PORT=$(free_port) BENCH_BASE="http://127.0.0.1:$BENCH_PORT"
USERNAME=bench.person
PASSWORD='a long walk along the quiet canal'

build_jar
start_app --server.address=127.0.0.1
WORK=$BENCH_DATA APP=$APP_PID BASE=$BENCH_BASE

cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
TICK=$(getconf CLK_TCK)

# One account, registered through the form.
JAR_COOKIES="$WORK/cookies"
register_account "$USERNAME" "$PASSWORD" "$JAR_COOKIES"
SESSION=$(awk '$6=="JSESSIONID"{print $7}' "$JAR_COOKIES" | tail -1)

# Form sign-ins from 4 client threads (each: GET /login, POST /login with that session's token).
signins() {
  python3 - "$BASE" "$USERNAME" "$PASSWORD" "$1" <<'PY'
import http.client, re, sys, threading, time, urllib.parse
base, user, password, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
host, port = base.split("//")[1].split(":")
done, failed, lock = [0], [0], threading.Lock()
def worker(deadline):
    while time.time() < deadline:
        c = http.client.HTTPConnection(host, int(port), timeout=30)
        c.request("GET", "/login"); r = c.getresponse(); body = r.read().decode()
        cookie = r.getheader("Set-Cookie").split(";")[0]
        token = re.search(r'name="_csrf" value="([^"]+)"', body).group(1)
        form = urllib.parse.urlencode({"_csrf": token, "username": user, "password": password})
        c.request("POST", "/login", form, {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        r = c.getresponse(); r.read(); ok = r.status == 302 and "error" not in (r.getheader("Location") or "")
        with lock:
            if ok: done[0] += 1
            else: failed[0] += 1
        c.close()
start = time.time(); deadline = start + seconds
threads = [threading.Thread(target=worker, args=(deadline,)) for _ in range(4)]
[t.start() for t in threads]; [t.join() for t in threads]
elapsed = time.time() - start
print(f"{done[0]} {failed[0]} {elapsed:.1f}")
PY
}

signins 10 >/dev/null   # warm-up
before=$(cpu_ticks)
read -r OK FAILED ELAPSED < <(signins "$SECONDS_PER_RUN")
after=$(cpu_ticks)
LOGIN_RATE=$(python3 -c "print(f'{$OK/$ELAPSED:.1f}')")
LOGIN_CPU_MS=$(python3 -c "print(f'{($after-$before)*1000/$TICK/max($OK,1):.1f}')")
LOGIN_PER_CORE=$(python3 -c "print(f'{1000/max($LOGIN_CPU_MS,0.001):.1f}')")

page() { # label, path, extra wrk args...
  local label=$1 path=$2; shift 2
  wrk -t2 -c16 -d5s "$@" "$BASE$path" >/dev/null   # warm-up
  local b a out
  b=$(cpu_ticks)
  out=$(wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency "$@" "$BASE$path")
  a=$(cpu_ticks)
  local rps requests
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  echo "$label $rps $(python3 -c "print(f'{($a-$b)*1000/$TICK/max($requests,1):.2f}')") $(echo "$out" | awk '/ 50%/{print $2}') $(echo "$out" | awk '/ 99%/{print $2}')"
}
read -r _ ANON_RPS ANON_CPU ANON_P50 ANON_P99 < <(page anonymous /help)
read -r _ USER_RPS USER_CPU USER_P50 USER_P99 < <(page signed-in /help -H "Cookie: JSESSIONID=$SESSION")
read -r _ GUIDE_ANON_RPS GUIDE_ANON_CPU _ _ < <(page anonymous /guidance)
read -r _ GUIDE_USER_RPS GUIDE_USER_CPU _ _ < <(page signed-in /guidance -H "Cookie: JSESSIONID=$SESSION")
SIGNED_IN_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$SESSION" "$BASE/account")

{
  echo "Counterspace account benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load before start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1); app on 127.0.0.1, H2 file database; client on the same machine"
  echo "password hash: Argon2id, memory $(sed -n 's/^counterspace.password.argon2-memory-kib=//p' src/main/resources/application.properties) KiB, $(sed -n 's/^counterspace.password.argon2-iterations=//p' src/main/resources/application.properties) iterations, parallelism 1 (counterspace.password.*)"
  echo
  echo "form sign-in (GET /login + POST /login, 4 client threads, ${SECONDS_PER_RUN}s):"
  echo "  sign-ins/s: $LOGIN_RATE   (ok $OK, failed $FAILED)"
  echo "  server CPU per sign-in: $LOGIN_CPU_MS ms  => $LOGIN_PER_CORE sign-ins/s per core (target >= 20)"
  echo
  echo "GET /help (rendered for everyone), wrk -t2 -c16 -d${SECONDS_PER_RUN}s:"
  echo "  anonymous: $ANON_RPS req/s, server CPU $ANON_CPU ms/request, p50 $ANON_P50, p99 $ANON_P99"
  echo "  signed in: $USER_RPS req/s, server CPU $USER_CPU ms/request, p50 $USER_P50, p99 $USER_P99 (GET /account -> $SIGNED_IN_STATUS)"
  echo "  signed in / anonymous: $(python3 -c "print(f'{100*$USER_RPS/$ANON_RPS:.0f}%')") of the throughput (target >= 80%)"
  echo "GET /guidance (anonymous visitors get the shared-page cache; a signed-in person's page is rendered):"
  echo "  anonymous: $GUIDE_ANON_RPS req/s, server CPU $GUIDE_ANON_CPU ms/request"
  echo "  signed in: $GUIDE_USER_RPS req/s, server CPU $GUIDE_USER_CPU ms/request"
} | tee "$RESULTS"
