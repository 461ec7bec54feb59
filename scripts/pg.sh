#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on 127.0.0.1 for tests and benchmarks.
#   scripts/pg.sh start DIR PORT   creates the cluster in DIR (if new) and starts it; prints its URL
#   scripts/pg.sh stop DIR         stops the cluster started in DIR (by its own pid file)
#   scripts/pg.sh createdb DIR PORT NAME   creates a database
# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
cmd=${1:?start|stop|createdb}
dir=${2:?directory}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
    start)
        port=${3:?port}
        mkdir -p "$dir"
        [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
        if [ ! -f "$dir/data/PG_VERSION" ]; then
            as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1
        fi
        as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w -o \
            "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null
        echo "postgresql://postgres@127.0.0.1:$port/postgres"
        ;;
    stop)
        [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
        ;;
    createdb)
        port=${3:?port}
        name=${4:?name}
        as_owner /usr/bin/createdb -h 127.0.0.1 -p "$port" -U postgres "$name"
        ;;
    *)
        echo "usage: $0 start DIR PORT | stop DIR | createdb DIR PORT NAME" >&2
        exit 2
        ;;
esac
