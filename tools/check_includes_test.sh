#!/usr/bin/env bash
# Shows that the include checker passes the real tree and fails on planted violations.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

expect() {  # expect pass|fail DESCRIPTION
    local want=$1 what=$2
    if bash "$here/check_includes.sh" "$tmp/src" >/dev/null 2>&1; then got=pass; else got=fail; fi
    if [ "$got" = "$want" ]; then
        passed=$((passed + 1)); echo "ok - $what"
    else
        failed=$((failed + 1)); echo "not ok - $what (expected $want, got $got)"
    fi
}

reset_tree() { rm -rf "$tmp/src"; cp -r "$root/src" "$tmp/src"; }

reset_tree
expect pass "the real source tree follows the dependency rule"

reset_tree
printf '#pragma once\n#include "app/common.hpp"\n' > "$tmp/src/domain/planted.hpp"
expect fail "domain including app (an upward include) is rejected"

reset_tree
printf '#include "storage/sqlite/sqlite_store.hpp"\n' > "$tmp/src/http/planted.cpp"
expect fail "http including a storage engine is rejected"

reset_tree
printf '#include <boost/beast/http.hpp>\n' > "$tmp/src/http/planted.cpp"
expect fail "Beast outside http/server.cpp is rejected"

reset_tree
printf '#include <soci/soci.h>\n' > "$tmp/src/domain/planted.cpp"
expect fail "SOCI in the domain is rejected"

reset_tree
printf '#include "domain/organization.hpp"\n#include "app/common.hpp"\n' > "$tmp/src/domain/planted_test.cpp"
expect pass "unit tests may reach across layers"

echo "# pass $passed"
echo "# fail $failed"
[ "$failed" -eq 0 ]
