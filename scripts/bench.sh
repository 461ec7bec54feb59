#!/usr/bin/env bash
# The benchmarks of ../shared/performance.md, whose output goes into BENCHMARKS.md:
#   scripts/bench.sh [SCALE] [SEED]      SCALE = commune | province | national (default province)
# 1. builds the release binary; 2. generates the dataset into var/bench/SCALE.db (kept between runs);
# 3. loads a PostgreSQL 15 cluster on 127.0.0.1 from it with COPY (kept in var/bench/SCALE.pg between
# runs, stopped at the end); 4. runs D1–D3 three ways (identical figures required); 5. measures the
# server's start-to-ready time and peak RSS, then HTTP with wrk against nginx serving a static file of
# the same size. Results: var/bench/SCALE.*.
# STEPS (default "generate pg dashboard http") runs only some steps, e.g. STEPS="generate pg" to
# prepare the data, then STEPS="dashboard http" on a quiet machine. SQL_RUNS (default 5) repeats each
# SQL query; use 1 at national scale. PERIODS (default 3) limits the grid to the last month (1) or
# month and quarter (2): at national scale the root's SQL baselines take 7 minutes for a month.
# SMALL_RUNS (default 1) repeats the pair of nginx and the small JSON GET. Each HTTP row records the CPU
# time the hypervisor stole during its run.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-province}
seed=${2:-1}
steps=" ${STEPS:-generate pg dashboard http} "
has_step() { [[ "$steps" == *" $1 "* ]]; }
out=var/bench
mkdir -p "$out"
bin=build/release/chibo
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
for tool in wrk:wrk nginx:nginx sqlite3:sqlite3 psql:postgresql-client-15 /usr/bin/time:time; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${tool#*:}"
done
make --no-print-directory release >/dev/null

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
log() { echo "bench: $*" >&2; }

db="$out/$scale.db"
if has_step generate && [ ! -f "$db" ]; then
    log "generating the $scale dataset (seed $seed)"
    # Into a temporary file first, so that an interrupted run leaves nothing half made behind.
    rm -f "$db.part"
    /usr/bin/time -f "generate: %e s, peak RSS %M KB" "$bin" bench generate --scale "$scale" --seed "$seed" --db "$db.part" \
        2>&1 | tee "$out/$scale.generate.log" | grep -v "chi bộ$" >&2
    mv "$db.part" "$db"
fi

[ -f "$db" ] || { log "no dataset at $db: run the generate step first"; exit 1; }

# PostgreSQL: a cluster kept in var/bench/SCALE.pg, the schema by migrate, the rows by COPY from the
# SQLite file (once; delete the folder to load again).
pg_dir="$(pwd)/$out/$scale.pg"
server_pid=""
nginx_dir=""
pg_started=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$nginx_dir" ] && [ -f "$nginx_dir/nginx.pid" ] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null || true
    [ -n "$pg_started" ] && bash scripts/pg.sh stop "$pg_dir" >/dev/null 2>&1 || true
    [ -n "$nginx_dir" ] && rm -rf "$nginx_dir"
}
trap cleanup EXIT
if has_step pg || has_step dashboard; then
    pg_port=$(free_port)
    bash scripts/pg.sh start "$pg_dir" "$pg_port" >/dev/null
    pg_started=1
    pg="postgresql://postgres@127.0.0.1:$pg_port/bench"
    # The cluster holds what the dataset held when it was loaded: a regenerated dataset loads again.
    stamp=$(md5sum <"$out/$scale.generate.log" | cut -d' ' -f1)
    if [ "$(cat "$pg_dir/loaded" 2>/dev/null)" != "$stamp" ]; then
        psql -q "postgresql://postgres@127.0.0.1:$pg_port/postgres" -c "DROP DATABASE IF EXISTS bench" >/dev/null
        bash scripts/pg.sh createdb "$pg_dir" "$pg_port" bench
        "$bin" migrate --db "$pg" >/dev/null
        load_start=$(date +%s.%N)
        for table in organizations organization_placements members meetings meeting_attendance meeting_scores; do
            columns=$(sqlite3 "$db" "SELECT group_concat(name, ', ') FROM pragma_table_info('$table')")
            sqlite3 -csv -nullvalue '\N' "$db" "SELECT $columns FROM $table" |
                psql -q "$pg" -c "\\copy $table ($columns) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
        done
        for table in organizations organization_placements members meetings meeting_scores; do
            psql -q "$pg" -c "SELECT setval(pg_get_serial_sequence('$table', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM $table), false)" >/dev/null
        done
        psql -q "$pg" -c "ANALYZE" >/dev/null
        load_s=$(echo "$(date +%s.%N) - $load_start" | bc)
        log "PostgreSQL loaded by COPY in ${load_s} s"
        echo "PostgreSQL load by COPY: ${load_s} s" >"$out/$scale.pg-load.log"
        echo "$stamp" >"$pg_dir/loaded"
    fi
    "$bin" migrate --db "$pg" >/dev/null  # A kept cluster follows the schema.
fi

if has_step dashboard; then
log "D1–D3 three ways"
"$bin" bench dashboard --db "$db" --pg "$pg" --engine-runs 200 --sql-runs "${SQL_RUNS:-5}" \
    --periods "${PERIODS:-3}" >"$out/$scale.dashboard.md"
fi
has_step http || exit 0

# The server on the dataset: start-to-ready and peak RSS.
"$bin" user add --db "$db" --username bench.admin --password 'bench-2026' --display-name "Benchmark" \
    --role administrator --organization-id 1 >/dev/null 2>&1 || true
port=$(free_port)
start=$(date +%s.%N)
"$bin" serve --db "$db" --host 127.0.0.1 --port "$port" >"$out/$scale.serve.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { log "the server stopped: see $out/$scale.serve.log"; exit 1; }
    sleep 0.2
done
ready_s=$(echo "$(date +%s.%N) - $start" | bc)
cookie=$(curl -s -c - -H 'Content-Type: application/json' -d '{"username":"bench.admin","password":"bench-2026"}' \
    "http://127.0.0.1:$port/api/v1/auth/login" | awk '/chibo_session/ {print $7}')
base="http://127.0.0.1:$port"
small="$base/api/v1/auth/me"
commune_id=$(sqlite3 "$db" "SELECT id FROM organizations WHERE kind = 'commune_committee' ORDER BY id LIMIT 1")
dashboard="$base/api/v1/organizations/$commune_id/dashboard"
root_dashboard="$base/api/v1/organizations/1/dashboard"
curl -s -H "Cookie: chibo_session=$cookie" "$small" >"$out/small.json"
size=$(stat -c %s "$out/small.json")

# nginx serving a static file of the same size.
nginx_dir=$(mktemp -d)
head -c "$size" /dev/zero | tr '\0' 'x' >"$nginx_dir/small.json"
nginx_port=$(free_port)
mkdir -p "$nginx_dir"/{body,proxy,fastcgi,uwsgi,scgi}
cat >"$nginx_dir/nginx.conf" <<CONF
$( [ "$(id -u)" -eq 0 ] && echo 'user root;' )
worker_processes 2;
daemon on;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $nginx_dir/body; proxy_temp_path $nginx_dir/proxy; fastcgi_temp_path $nginx_dir/fastcgi;
    uwsgi_temp_path $nginx_dir/uwsgi; scgi_temp_path $nginx_dir/scgi;
    server { listen 127.0.0.1:$nginx_port; root $nginx_dir; default_type application/json; }
}
CONF
nginx -c "$nginx_dir/nginx.conf" -p "$nginx_dir"

# Time the hypervisor kept this machine's CPUs from running (steal), in ms, from /proc/stat's ticks: in
# a virtual machine, the host's own work freezes every process here, nginx as well, for tens of
# milliseconds at a time, and the p99 of a run follows it (BENCHMARKS.md, "The small JSON's stalls").
steal_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {print int($9 * 1000 / hz)}' /proc/stat; }

run_wrk() {  # SLUG NAME CONNECTIONS URL [COOKIE]
    local slug=$1 name=$2 conns=$3 url=$4 header=()
    [ -n "${5:-}" ] && header=(-H "Cookie: chibo_session=$5")
    local file="$out/$scale.wrk-$slug.log"
    local steal_before
    steal_before=$(steal_ms)
    wrk -t"$((conns < 2 ? conns : 2))" -c"$conns" -d10s --latency "${header[@]}" "$url" >"$file" 2>&1
    local steal=$(($(steal_ms) - steal_before))
    local rps p50 p90 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$file")
    p50=$(awk '$1 == "50%" {print $2}' "$file")
    p90=$(awk '$1 == "90%" {print $2}' "$file")
    p99=$(awk '$1 == "99%" {print $2}' "$file")
    errors=$(grep -E "Socket errors|Non-2xx" "$file" | tr '\n' ' ' || true)
    echo "| $name | $conns | $rps | $p50 / $p90 / $p99 | ${errors:-none} | $steal |"
}
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
{
    echo "Server start to ready: ${ready_s} s; peak RSS after start: $((rss_kb / 1024)) MB"
    echo "Response sizes: /auth/me ${size} B; commune dashboard $(curl -s -H "Cookie: chibo_session=$cookie" "$dashboard" | wc -c) B; root dashboard $(curl -s -H "Cookie: chibo_session=$cookie" "$root_dashboard" | wc -c) B"
    echo
    echo "| request | connections | req/s | p50 / p90 / p99 | errors | steal during the run (ms) |"
    echo "|---|---|---|---|---|---|"
    # SMALL_RUNS pairs of nginx and the small JSON, one after the other: their p99 varies from run to run.
    for run in $(seq 1 "${SMALL_RUNS:-1}"); do
        suffix=$([ "$run" -gt 1 ] && echo "-$run" || true)
        run_wrk "nginx$suffix" "nginx static ${size} B" 64 "http://127.0.0.1:$nginx_port/small.json"
        run_wrk "small$suffix" "chibo GET /auth/me (${size} B)" 64 "$small" "$cookie"
    done
    # One connection: the time a user waits for the page (64 connections measure throughput, and their
    # latency is mostly the queue).
    run_wrk dashboard-one "chibo GET dashboard (a commune, this year)" 1 "$dashboard" "$cookie"
    run_wrk root-one "chibo GET dashboard (the root and all its children, this year)" 1 "$root_dashboard" "$cookie"
    run_wrk dashboard "chibo GET dashboard (a commune, this year)" 64 "$dashboard" "$cookie"
    # Before the root's dashboard, whose slow answers leave queued work behind them.
    run_wrk keepalive "chibo GET /auth/me, 1000 keep-alive" 1000 "$small" "$cookie"
    run_wrk root "chibo GET dashboard (the root and all its children, this year)" 64 "$root_dashboard" "$cookie"
    echo
    echo "Peak RSS after the HTTP runs: $(( $(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status") / 1024 )) MB"
} | tee "$out/$scale.http.md"
[ -f "$out/$scale.dashboard.md" ] && cat "$out/$scale.dashboard.md"
true
