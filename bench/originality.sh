#!/usr/bin/env bash
# Originality engine benchmarks. (1) Near-duplicates: recall/precision on perturbed copies (≤10% characters
# changed) and lookup latency. (2) Passages: 10/30/50% of an article pasted into unrelated text — how often the
# source is found and flagged, precision, false findings on unrelated articles, lookup latency, index size.
# Usage: bench/originality.sh [corpus.jsonl] [queries] [passage-queries]   (ONLY=passages skips the first)
# The full corpus is built by ../shared/corpus/fetch.sh into ~/.cache/inkstone-corpus/out/full.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${1:-$HOME/.cache/inkstone-corpus/out/full.jsonl}"
QUERIES="${2:-2000}"
PASSAGE_QUERIES="${3:-300}"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "${ONLY:-}" != "passages" ]; then
  java -Xmx3g -cp "$CP" io.inkstone.similarity.OriginalityBench "$CORPUS" "$QUERIES"
fi
java -Xmx3g -cp "$CP" io.inkstone.similarity.PassageBench "$CORPUS" "$PASSAGE_QUERIES"
