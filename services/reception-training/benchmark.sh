#!/usr/bin/env bash
# Residents list benchmark on SYNTHETIC data (docs/benchmarks.md, "reception-training: listing residents").
# Starts reception-training on the real test infrastructure (embedded PostgreSQL, Kafka broker, token issuer) as
# a @QuarkusTest, seeds the residents, walks every page of GET /api/v1/residents through HTTP with a real token,
# then runs the same SQL of each page over JDBC (the bare ceiling), and prints p50/p99 per page, totals, ratio.
#   services/reception-training/benchmark.sh [residents=10000,100000] [limit=500]
# e.g. services/reception-training/benchmark.sh 10000,100000 500   and   services/reception-training/benchmark.sh 10000 50
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$module/../.." && pwd)"
cd "$root"
residents="${1:-10000,100000}"
limit="${2:-500}"
mkdir -p "$module/target"
log="$module/target/benchmark.log"
./mvnw -B -q ${MAVEN_OFFLINE:--o} verify -pl services/reception-training -am \
  -Dtest=ResidentListBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark.residents="$residents" -Dbenchmark.limit="$limit" > "$log" 2>&1 || { tail -50 "$log"; exit 1; }
grep -E '^(seeded|===|HTTP|bare|ratio)' "$log"
