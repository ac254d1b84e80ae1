#!/usr/bin/env bash
# Staff portal benchmark on the local stack with SYNTHETIC demo data (docs/benchmarks.md, "staff portal").
# Starts the whole local stack (Keycloak, Kafka, PostgreSQL, the five services, the portal; free ports), signs in N
# users by the portal's real code flow, then measures the person timeline and the residents list with N concurrent
# clients, and the bare ceilings in the same run (the services' APIs directly, the portal's health page).
#   deploy/local/portal-benchmark.sh [--users=20] [--requests=30] [--warmup=10] [--residents=120]
# Needs the suite built once (deploy/local/up builds it; or ./mvnw -B install -DskipTests -pl deploy/local -am).
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$module/../.." && pwd)"
cd "$root"
log="$module/target/portal-benchmark.build.log"
mkdir -p "$module/target"
./mvnw -B -q ${MAVEN_OFFLINE:--o} test-compile dependency:build-classpath -pl deploy/local \
  -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench.cp" > "$log" 2>&1 || { tail -50 "$log"; exit 1; }
cd "$module"
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  no.nystart.deploy.local.PortalBenchmark --repo="$root" "$@"
