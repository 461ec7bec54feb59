#!/usr/bin/env bash
# Installs every Debian package chibo needs to build, run and test, when missing.
# Idempotent: does nothing (and needs no network) when everything is present.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git
    libboost1.81-dev libboost-json1.81-dev
    libsoci-dev libsqlite3-dev sqlite3
    libicu-dev libsodium-dev libcli11-dev zlib1g-dev
    libgtest-dev clang-format clang-tidy
    chromium
    postgresql-15 libpq-dev nginx
    libzip-dev libcairo2-dev libpango1.0-dev fonts-noto-core
    libical-dev poppler-utils libreoffice-writer-nogui
    libxlsxwriter-dev libreoffice-calc-nogui
)

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node.js: the machine's own (it ships npm 11); Debian's nodejs only when there is none.
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    # RUNLEVEL=1 keeps invoke-rc.d from starting the packaged PostgreSQL and nginx services: chibo's
    # tests start their own throwaway instances on 127.0.0.1.
    $SUDO env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
