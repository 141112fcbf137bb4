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

cpu_before=$(cpu_ms "$APP_PID")
run_wrk "$BENCH_DATA/app.wrk" -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BENCH_BASE$PAGE"
cpu_after=$(cpu_ms "$APP_PID")
app_rps=$WRK_RPS app_p50=$WRK_P50 app_p99=$WRK_P99 app_errors=$WRK_ERRORS app_requests=$WRK_REQUESTS
cpu_per_request=$(awk -v c=$((cpu_after - cpu_before)) -v n="$app_requests" 'BEGIN {printf "%.3f", c / n}')

# The same page as a returning browser asks for it: HTML, gzip, and the quick-exit notice already seen.
BROWSER_HEADERS=(-H "Accept: text/html,application/xhtml+xml" -H "Accept-Encoding: gzip, deflate, br" -H "Cookie: notice=seen")
cpu_before=$(cpu_ms "$APP_PID")
run_wrk "$BENCH_DATA/browser.wrk" -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${BROWSER_HEADERS[@]}" "$BENCH_BASE$PAGE"
cpu_after=$(cpu_ms "$APP_PID")
browser_rps=$WRK_RPS browser_p99=$WRK_P99 browser_errors=$WRK_ERRORS
browser_cpu=$(awk -v c=$((cpu_after - cpu_before)) -v n="$WRK_REQUESTS" 'BEGIN {printf "%.3f", c / n}')
app_rss=$(rss_mb "$APP_PID")

# The ceiling: nginx serving a saved copy of the same page from loopback.
NGINX_DIR=$(mktemp -d /tmp/counterspace-nginx.XXXXXX)
curl -fs "$BENCH_BASE$PAGE" > "$NGINX_DIR/page.html"
page_bytes=$(wc -c < "$NGINX_DIR/page.html")
cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes 2;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$((BENCH_PORT + 1));
    location / { root $NGINX_DIR; default_type text/html; try_files /page.html =404; }
  }
}
CONF
nginx -c "$NGINX_DIR/nginx.conf"
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$((BENCH_PORT + 1))/" >/dev/null
run_wrk "$NGINX_DIR/nginx.wrk" -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$((BENCH_PORT + 1))/"
nginx_rps=$WRK_RPS
kill "$(cat "$NGINX_DIR/nginx.pid")"
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
