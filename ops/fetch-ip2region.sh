#!/usr/bin/env bash
# Fetches the offline IP → region database (ip2region v1 .db, ~9 MB) from the npm registry into the data
# directory, where Inkstone looks for it (inkstone.ip-region.db, default <data-dir>/ip2region.db).
# Run at install time and again to update; the file is never committed. Without it IP属地 shows 未知.
#   usage: ops/fetch-ip2region.sh [target-file]
set -euo pipefail
TARGET="${1:-${INKSTONE_DATA_DIR:-./data}/ip2region.db}"
VERSION="${IP2REGION_NPM_VERSION:-2.3.0}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
( cd "$WORK" && npm pack "ip2region@${VERSION}" --silent >/dev/null && tar -xzf ip2region-*.tgz package/data/ip2region.db )
mkdir -p "$(dirname "$TARGET")"
mv "$WORK/package/data/ip2region.db" "$TARGET.tmp" && mv "$TARGET.tmp" "$TARGET"
echo "ip2region database: $TARGET ($(du -h "$TARGET" | cut -f1))"
