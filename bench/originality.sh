#!/usr/bin/env bash
# Originality engine benchmark: recall/precision on perturbed copies (≤10% characters changed) and lookup
# latency against a corpus. Usage: bench/originality.sh [corpus.jsonl] [queries]
# The full corpus is built by ../shared/corpus/fetch.sh into ~/.cache/inkstone-corpus/out/full.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${1:-$HOME/.cache/inkstone-corpus/out/full.jsonl}"
QUERIES="${2:-2000}"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.inkstone.similarity.OriginalityBench "$CORPUS" "$QUERIES"
