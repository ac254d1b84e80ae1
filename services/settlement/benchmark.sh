#!/usr/bin/env bash
# Matching benchmark on SYNTHETIC data (docs/benchmarks.md, "settlement: matching"). Compiles the module's classes
# (no tests run), then runs MatchingBenchmark in a fresh JVM.
#   services/settlement/benchmark.sh [households=1000] [seconds=30] [workers=2] [seed=1] [relativeGapLimit=0]
# e.g. services/settlement/benchmark.sh 1000 5 2 1 0.001   and   services/settlement/benchmark.sh 10000 30 2 1 0.01
# JAVA_OPTS (default -Xmx4g) is passed to the JVM; -Dsettlement.matching.trace=true prints the phases.
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$module/../.." && pwd)"
cd "$root"
./mvnw -B -q test-compile -pl services/settlement
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/benchmark-classpath.txt" \
  -pl services/settlement
exec java ${JAVA_OPTS:--Xmx4g} -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/benchmark-classpath.txt")" \
  no.nystart.settlement.domain.matching.MatchingBenchmark "$@"
