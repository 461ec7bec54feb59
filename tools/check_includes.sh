#!/usr/bin/env bash
# Enforces the dependency rule (ARCHITECTURE.md) on #include lines:
#   cli -> http -> app -> domain -> base ; cli -> storage/<engine> -> storage/sql -> domain ; export -> domain
#   cli -> storage/tools -> storage/<engines> (whole-database copy, backup, restore)
# plus where third-party headers may appear (Beast only in http/server.cpp, SOCI only in storage/).
# Unit tests (*_test.cpp, and their fixtures *_test.hpp) may reach across layers. Usage: check_includes.sh [SRC_DIR] (default: src).
set -u
src="${1:-src}"
status=0

layer_of() {  # path relative to src -> layer name
    case "$1" in
        storage/sql/*) echo storage/sql ;;
        storage/*/*) echo "storage/$(echo "$1" | cut -d/ -f2)" ;;
        *) echo "${1%%/*}" ;;
    esac
}

allowed_layers() {  # layer -> the layers it may include
    case "$1" in
        base) echo "base" ;;
        domain) echo "base domain" ;;
        app) echo "base domain app" ;;
        export) echo "base domain export" ;;
        storage/sql) echo "base domain storage/sql" ;;
        storage/tools) echo "base domain storage/sql storage/sqlite storage/postgres storage/tools" ;;
        storage/*) echo "base domain storage/sql $1" ;;
        http) echo "base domain app export http" ;;
        cli) echo "base domain app http export storage/sql storage/sqlite storage/postgres storage/files storage/tools bench cli" ;;
        *) echo "" ;;
    esac
}

fail() {
    echo "check_includes: $1" >&2
    status=1
}

while IFS= read -r file; do
    rel="${file#"$src"/}"
    case "$rel" in *_test.cpp|*_test.hpp) continue ;; esac
    layer=$(layer_of "$rel")
    allowed=" $(allowed_layers "$layer") "
    if [ "$allowed" = "  " ]; then
        fail "$file: unknown layer '$layer' (add it to tools/check_includes.sh)"
        continue
    fi
    while IFS= read -r line; do
        inc=$(echo "$line" | sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/')
        case "$line" in
            *'"'*)
                target=$(layer_of "$inc")
                case "$allowed" in
                    *" $target "*) ;;
                    *) fail "$file includes \"$inc\": layer $layer may include only:$allowed" ;;
                esac
                ;;
            *)
                case "$inc" in
                    boost/beast*|boost/asio*)
                        [ "$rel" = "http/server.cpp" ] || fail "$file includes <$inc>: only http/server.cpp may use Beast/Asio" ;;
                    soci/*)
                        case "$layer" in storage/*) ;; *) fail "$file includes <$inc>: only storage/ may use SOCI" ;; esac ;;
                    sqlite3.h|libpq-fe.h)
                        case "$layer" in storage/sql) fail "$file includes <$inc>: engine headers belong to storage/<engine>" ;; storage/*) ;; *) fail "$file includes <$inc>: only storage/ may use database headers" ;; esac ;;
                    boost/json*)
                        case "$layer" in http|storage/*|export) ;; *) fail "$file includes <$inc>: JSON belongs at the edges (http, storage, export)" ;; esac ;;
                esac
                ;;
        esac
    done < <(grep -E '^[[:space:]]*#[[:space:]]*include' "$file")
done < <(find "$src" -type f \( -name '*.hpp' -o -name '*.cpp' -o -name '*.h' \) | sort)

if [ $status -eq 0 ]; then echo "check_includes: ok ($(find "$src" -type f \( -name '*.hpp' -o -name '*.cpp' \) | wc -l) files)"; fi
exit $status
