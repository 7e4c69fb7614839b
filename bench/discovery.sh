#!/usr/bin/env bash
# Discovery benchmark and evaluation: index rate, search and related latency, P@5/nDCG@10 of related articles
# against a baseline, known-item search MRR, per analyzer (smartcn, hanlp); hot-list ingestion rate.
# Usage: bench/discovery.sh [corpus.jsonl] [max-articles] [analyzers] [search]
#   "search" as the fourth argument skips the reading-log replays and the hot-list ingestion.
# Query sets for title/phrase findability are read from (or, the first time, written to) bench/queries/.
# BENCH_OPTS passes system properties: -Dbench.index=DIR keeps the index and reuses it (full corpus: index once),
# -Dbench.misses=true prints each miss, -Dbench.partBoosts=0,10,30 compares exact title-part weights.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${1:-$HOME/.cache/inkstone-corpus/out/full.jsonl}"
LIMIT="${2:-1000000}"
ANALYZERS="${3:-smartcn,hanlp}"
MODE="${4:-all}"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
/usr/bin/time -v java -Xmx3g ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.inkstone.discovery.DiscoveryBench "$CORPUS" "$LIMIT" "$ANALYZERS" "$MODE" 2> >(grep -E "Maximum resident" >&2)
