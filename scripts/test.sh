#!/usr/bin/env bash
# Runs every check and test suite against the Debug (ASan + UBSan) build and ends with one line:
#   summary: N passed, N failed
# Called by `make test` after the build; each stage's output goes to build/test-logs/.
set -u
cd "$(dirname "$0")/.."
logs=build/test-logs
rm -rf "$logs" && mkdir -p "$logs"
export CHIBO_BIN="$PWD/build/debug/chibo"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tools/lsan.supp:print_suppressions=0"
passed=0
failed=0
failures=()

record() {  # record NAME PASSED FAILED STATUS
    local name=$1 p=$2 f=$3 st=$4
    if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi  # A crash or a failed check counts as a failure.
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -gt 0 ]; then failures+=("$name"); fi
    printf '  %-28s %4d passed %4d failed\n' "$name" "$p" "$f"
}

stage_check() {  # stage_check NAME COMMAND...: one test that passes when the command succeeds
    local name=$1; shift
    if "$@" >"$logs/$name.log" 2>&1; then record "$name" 1 0 0; else record "$name" 0 1 1; fi
}

stage_gtest() {  # stage_gtest BINARY
    local bin=$1 name; name=$(basename "$1")
    "$bin" --gtest_color=no >"$logs/$name.log" 2>&1
    local st=$?
    local p f
    p=$(grep -cE '^\[       OK \]' "$logs/$name.log")
    f=$(grep -cE '^\[  FAILED  \] .*\([0-9]+ ms\)$' "$logs/$name.log")
    record "$name" "$p" "$f" "$st"
}

stage_tap() {  # stage_tap NAME COMMAND...: a command printing "# pass N" and "# fail N"
    local name=$1; shift
    "$@" >"$logs/$name.log" 2>&1
    local st=$?
    local p f
    p=$(grep -E '^# pass ' "$logs/$name.log" | tail -1 | awk '{print $3}')
    f=$(grep -E '^# fail ' "$logs/$name.log" | tail -1 | awk '{print $3}')
    record "$name" "${p:-0}" "${f:-0}" "$st"
}

stage_node() {  # stage_node NAME DIR
    local name=$1 dir=$2
    stage_tap "$name" node --test --test-reporter=tap "$dir"/*.test.mjs
}

stage_vitest() {  # stage_vitest NAME: the web UI's unit tests
    local name=$1
    (cd web && npx vitest run --reporter=json --outputFile="../$logs/$name.json") >"$logs/$name.log" 2>&1
    local st=$?
    local counts
    counts=$(node -e 'try { const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests); }
                      catch { console.log("0 0"); }' "$PWD/$logs/$name.json")
    record "$name" "${counts% *}" "${counts#* }" "$st"
}

# A throwaway PostgreSQL cluster for the PostgreSQL runs of the shared suites; stopped on exit.
pg_dir=$(mktemp -d)
pg_port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
trap 'bash scripts/pg.sh stop "$pg_dir" >/dev/null 2>&1; rm -rf "$pg_dir"' EXIT
if ! CHIBO_TEST_PG_URL=$(bash scripts/pg.sh start "$pg_dir" "$pg_port"); then
    echo "could not start PostgreSQL (see $pg_dir/pg.log)"
    CHIBO_TEST_PG_URL=""
fi
export CHIBO_TEST_PG_URL

echo "chibo tests (logs in $logs):"
stage_check include-checker bash tools/check_includes.sh
stage_tap include-checker-test bash tools/check_includes_test.sh
stage_check clang-format bash -c "find src tests bench -name '*.cpp' -o -name '*.hpp' | grep -v node_modules | xargs clang-format --dry-run --Werror"
# Every layer's sources but http/server.cpp, Beast's adapter: the analyzer reports inside Asio's coroutines.
stage_check clang-tidy bash -c "ls src/base/*.cpp src/domain/*.cpp src/app/*.cpp src/http/*.cpp src/http/json/*.cpp src/export/*.cpp src/storage/*/*.cpp | grep -v -e _test.cpp -e http/server.cpp | xargs -P2 -n3 clang-tidy -p build/debug --quiet --extra-arg=-Wno-unknown-warning-option"
for bin in build/debug/base_test build/debug/domain_test build/debug/app_test build/debug/sqlite_contract_test \
           build/debug/postgres_contract_test build/debug/http_test build/debug/export_test \
           build/debug/file_store_test; do
    stage_gtest "$bin"
done
stage_tap gen-api-types-test node --test --test-reporter=tap tools/gen_api_types_test.mjs
# The web UI's API types are generated from the OpenAPI document: fail while the committed file is stale.
stage_check api-types-fresh bash -c 't=$(mktemp); trap "rm -f $t" EXIT
    node tools/gen_api_types.mjs docs/api/openapi.json "$t" && diff -u web/src/lib/api.gen.ts "$t"'
stage_vitest web-unit
CHIBO_TEST_ENGINE=sqlite stage_node api-sqlite tests/api
CHIBO_TEST_ENGINE=postgres stage_node api-postgres tests/api
stage_node e2e tests/e2e

if [ ${#failures[@]} -gt 0 ]; then
    echo "failed stages: ${failures[*]} (see $logs/)"
    for f in "${failures[@]}"; do
        echo "---- $f (last lines) ----"
        tail -n 40 "$logs/$f.log"
    done
fi
echo "summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
