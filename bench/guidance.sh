#!/usr/bin/env bash
# Guide page throughput: the app against nginx serving the same bytes on this machine.
# Usage: bench/guidance.sh   (WARMUP=60 DURATION=20 CONNECTIONS=32 to change the defaults)
# Writes bench/results/guidance.txt. Needs wrk and nginx (apt-get install -y wrk nginx).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
PAGE=${PAGE:-/guidance/healing-at-home}
OUT="$RESULTS_DIR/guidance.txt"

build_jar
start_app
echo "started in ${STARTUP_MS} ms; warming up for ${WARMUP}s"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$BENCH_BASE$PAGE" >/dev/null

run_wrk_cpu "$APP_PID" "$BENCH_DATA/app.wrk" -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BENCH_BASE$PAGE"
app_rps=$WRK_RPS app_p50=$WRK_P50 app_p99=$WRK_P99 app_errors=$WRK_ERRORS cpu_per_request=$CPU_PER_REQUEST

# The same page as a returning browser asks for it: HTML, gzip, and the quick-exit notice already seen.
BROWSER_HEADERS=(-H "Accept: text/html,application/xhtml+xml" -H "Accept-Encoding: gzip, deflate, br" -H "Cookie: notice=seen")
run_wrk_cpu "$APP_PID" "$BENCH_DATA/browser.wrk" -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${BROWSER_HEADERS[@]}" "$BENCH_BASE$PAGE"
browser_rps=$WRK_RPS browser_p99=$WRK_P99 browser_errors=$WRK_ERRORS browser_cpu=$CPU_PER_REQUEST
app_rss=$(rss_mb "$APP_PID")

# The ceiling: nginx serving a saved copy of the same page from loopback.
start_nginx "$(mktemp -d /tmp/counterspace-nginx.XXXXXX)" $((BENCH_PORT + 1))
curl -fs "$BENCH_BASE$PAGE" > "$NGINX_DIR/page.html"
page_bytes=$(wc -c < "$NGINX_DIR/page.html")
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$((BENCH_PORT + 1))/page.html" >/dev/null
run_wrk "$NGINX_DIR/nginx.wrk" -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$((BENCH_PORT + 1))/page.html"
nginx_rps=$WRK_RPS
stop_nginx
ratio=$(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN {printf "%.1f%%", 100 * a / n}')

{
  echo "Counterspace guide page benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores"
  echo "page: $PAGE ($page_bytes bytes), wrk -t2 -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up"
  echo "start-up (launch to healthy): ${STARTUP_MS} ms"
  echo "app:   $app_rps requests/s, p50 $app_p50, p99 $app_p99, non-2xx $app_errors"
  echo "app CPU per request: $cpu_per_request ms"
  echo "as a returning browser (text/html, gzip, notice cookie): $browser_rps requests/s, p99 $browser_p99, CPU $browser_cpu ms/request, non-2xx $browser_errors"
  echo "app RSS after the run: ${app_rss} MB"
  echo "nginx (same bytes): $nginx_rps requests/s"
  echo "app / nginx: $ratio"
} | tee "$OUT"
rm -rf "$NGINX_DIR"
