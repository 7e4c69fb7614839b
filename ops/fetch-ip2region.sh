#!/usr/bin/env bash
# Fetches the offline IP → region databases from the npm package ip2region into the data directory, where
# Inkstone looks for them: the IPv4 one (ip2region v1 .db, ~9 MB; inkstone.ip-region.db, default
# <data-dir>/ip2region.db) and, next to it as ipv6wry.db, the IPv6 one (ZX ipv6wry IPDB, ~2.6 MB).
# Run at install time and again to update; the files are never committed. Without them IP属地 shows 未知.
#   usage: ops/fetch-ip2region.sh [target-file]
set -euo pipefail
TARGET="${1:-${INKSTONE_DATA_DIR:-./data}/ip2region.db}"
VERSION="${IP2REGION_NPM_VERSION:-2.3.0}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
( cd "$WORK" && npm pack "ip2region@${VERSION}" --silent >/dev/null && tar -xzf ip2region-*.tgz package/data/ip2region.db package/data/ipv6wry.db )
mkdir -p "$(dirname "$TARGET")"
TARGET6="$(dirname "$TARGET")/ipv6wry.db"
mv "$WORK/package/data/ip2region.db" "$TARGET.tmp" && mv "$TARGET.tmp" "$TARGET"
mv "$WORK/package/data/ipv6wry.db" "$TARGET6.tmp" && mv "$TARGET6.tmp" "$TARGET6"
echo "ip2region database: $TARGET ($(du -h "$TARGET" | cut -f1)), IPv6: $TARGET6 ($(du -h "$TARGET6" | cut -f1))"
