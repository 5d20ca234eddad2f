#!/usr/bin/env bash
# What redmetrics adds to the start of an application with many resource methods: a fresh JVM
# per measurement, bare and with redmetrics, on Jersey (Grizzly), RESTEasy (Undertow) and CXF
# (Jetty), interleaved over rounds. See benchmarks/README.md ("Startup"). Usage, from anywhere:
#
#   benchmarks/startup.sh
#   ROUNDS=15 RUNTIMES=jersey SIZES="100 500 1000" benchmarks/startup.sh
#
# Settings (environment): ROUNDS (10), RUNTIMES ("jersey resteasy cxf"), SIZES (resource methods,
# multiples of 10 up to 1000; "100 1000"), JVM_OPTS (the servers' flags, as run.sh's),
# SKIP_BUILD=1 to reuse the last build.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"

ROUNDS="${ROUNDS:-10}"
RUNTIMES="${RUNTIMES:-jersey resteasy cxf}"
SIZES="${SIZES:-100 1000}"
JVM_OPTS="${JVM_OPTS:--Xms512m -Xmx512m -XX:+UseG1GC}"
SKIP_BUILD="${SKIP_BUILD:-0}"

die() { echo "startup.sh: $*" >&2; exit 2; }
[[ "$ROUNDS" =~ ^[0-9]+$ ]] && ((ROUNDS >= 1 && ROUNDS <= 100)) || die "ROUNDS=$ROUNDS: want 1..100"
for runtime in $RUNTIMES; do
  [[ "$runtime" =~ ^(jersey|resteasy|cxf)$ ]] || die "RUNTIMES: $runtime: want jersey, resteasy, cxf"
done
for size in $SIZES; do
  [[ "$size" =~ ^[0-9]+$ ]] && ((size >= 10 && size <= 1000 && size % 10 == 0)) \
    || die "SIZES: $size: want multiples of 10 from 10 to 1000"
done

if [[ "$SKIP_BUILD" != 1 ]]; then
  echo "== building (mvn -Pbench -pl benchmarks -am package)"
  (cd "$ROOT" && mvn -B -q -Pbench -pl benchmarks -am -DskipTests package)
fi
T="$HERE/target"
for lib in lib lib-common lib-resteasy lib-cxf; do
  [[ -d "$T/$lib" ]] || die "not built (no target/$lib): run without SKIP_BUILD=1"
done
[[ -f "$T/classes/io/redmetrics/bench/startup/R099Resource.class" ]] \
  || die "not built (no generated resources): run without SKIP_BUILD=1"

OUT="$T/startup-results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(java -version 2>&1 | head -1)"
echo "== runtimes: $RUNTIMES; resource methods: $SIZES; $ROUNDS rounds; JVM: $JVM_OPTS"
if REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)"; then
  [[ -z "$(git -C "$ROOT" status --porcelain -- core 2>/dev/null)" ]] || REV="$REV, core/ modified"
  echo "== redmetrics-jaxrs from the work tree at $REV; results in $OUT"
fi

# The driver is a JVM of its own; each measured server is a fresh one, on its runtime's class path
# (Jersey, RESTEasy and CXF cannot share one: SeBootstrap picks one implementation).
status=0
java -cp "$T/classes" \
  -Drounds="$ROUNDS" -Druntimes="$RUNTIMES" -Dsizes="$SIZES" -DjvmOpts="$JVM_OPTS" \
  -Dcp.jersey="$T/classes:$T/lib/*" \
  -Dcp.resteasy="$T/classes:$T/lib-common/*:$T/lib-resteasy/*" \
  -Dcp.cxf="$T/classes:$T/lib-common/*:$T/lib-cxf/*" \
  io.redmetrics.bench.startup.StartupBench "$OUT" | tee "$OUT/run.txt" || status=$?
echo "== $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run.txt"
java -cp "$T/classes" io.redmetrics.bench.startup.StartupReport "$OUT/results.tsv" >"$OUT/table.md"
echo "Tables: $OUT/table.md; results.tsv and every server's log beside it"
exit "$status"
