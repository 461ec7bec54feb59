#!/bin/bash
# Five alternating wrk runs of nginx and chibo /auth/me against one fresh server on the national dataset.
set -euo pipefail
# Usage: scripts/bench-small-json.sh [DB] (default var/bench/national.db, prepared by scripts/bench.sh, which
# also creates the bench.admin account used here).
cd "$(dirname "$0")/.."
db=${1:-var/bench/national.db}
port=18431
build/release/chibo serve --db "$db" --host 127.0.0.1 --port $port >var/bench/small-json.serve.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; [ -f /tmp/p99-nginx/nginx.pid ] && kill $(cat /tmp/p99-nginx/nginx.pid) || true' EXIT
until curl -sf http://127.0.0.1:$port/healthz >/dev/null; do sleep 0.5; done
cookie=$(curl -s -c - -H 'Content-Type: application/json' -d '{"username":"bench.admin","password":"bench-2026"}' \
    http://127.0.0.1:$port/api/v1/auth/login | awk '/chibo_session/ {print $7}')
rm -rf /tmp/p99-nginx; mkdir -p /tmp/p99-nginx/{body,proxy,fastcgi,uwsgi,scgi}
head -c 283 /dev/zero | tr '\0' 'x' >/tmp/p99-nginx/small.json
cat >/tmp/p99-nginx/nginx.conf <<CONF
user root;
worker_processes 2;
daemon on;
pid /tmp/p99-nginx/nginx.pid;
error_log /tmp/p99-nginx/error.log;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path /tmp/p99-nginx/body; proxy_temp_path /tmp/p99-nginx/proxy;
  fastcgi_temp_path /tmp/p99-nginx/fastcgi; uwsgi_temp_path /tmp/p99-nginx/uwsgi; scgi_temp_path /tmp/p99-nginx/scgi;
  server { listen 127.0.0.1:18432; root /tmp/p99-nginx; default_type application/json; } }
CONF
nginx -c /tmp/p99-nginx/nginx.conf -p /tmp/p99-nginx
for i in 1 2 3 4 5; do
  n=$(wrk -t2 -c64 -d10s --latency http://127.0.0.1:18432/small.json | awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {print r, p}')
  c=$(wrk -t2 -c64 -d10s --latency -H "Cookie: chibo_session=$cookie" http://127.0.0.1:$port/api/v1/auth/me | awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {print r, p}')
  echo "run $i: nginx $n | chibo $c"
done
