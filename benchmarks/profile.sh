#!/usr/bin/env bash
# Where the library's bytes go, per request, in one bench server under wrk's load: the server runs
# with JFR's allocation events (new TLABs and outside them, with stacks), and AllocationProfile
# sums them by the library's allocation sites. See benchmarks/README.md ("Where the bytes go under
# load"). Usage, from anywhere:
#
#   benchmarks/profile.sh resteasy-redmetrics
#   DURATION=60 PACKAGE=io.prometheus. benchmarks/profile.sh redmetrics
#
# The variant is any of run.sh's (its server, class path and port choice are the same). Settings
# (environment): DURATION (seconds of load, 30), WARMUP (seconds before the recording starts,
# 20), PACKAGE (the package prefix to attribute, io.redmetrics.jaxrs.), TOP (sites shown, 15),
# THREADS and CONNECTIONS (wrk -t/-c, 1 and 16), SKIP_BUILD=1. The recording stays in
# benchmarks/target/profiles/.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
VARIANT="${1:-}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-20}"
PACKAGE="${PACKAGE:-io.redmetrics.jaxrs.}"
TOP="${TOP:-15}"
THREADS="${THREADS:-1}"
CONNECTIONS="${CONNECTIONS:-16}"
SKIP_BUILD="${SKIP_BUILD:-0}"
JVM_OPTS="${JVM_OPTS:--Xms512m -Xmx512m -XX:+UseG1GC}"

die() { echo "profile.sh: $*" >&2; exit 2; }
# Each runtime's class path, as run.sh's.
T="$HERE/target"
case "$VARIANT" in
  bare|redmetrics|redmetrics-classic|micrometer|micrometer-hist)
    main=io.redmetrics.bench.BenchServer; CP="$T/classes:$T/lib/*" ;;
  resteasy-bare|resteasy-stages|resteasy-redmetrics)
    main=io.redmetrics.bench.SeBenchServer; CP="$T/classes:$T/lib-common/*:$T/lib-resteasy/*" ;;
  cxf-bare|cxf-stages|cxf-redmetrics)
    main=io.redmetrics.bench.SeBenchServer; CP="$T/classes:$T/lib-common/*:$T/lib-cxf/*" ;;
  *) die "usage: profile.sh <variant> (one of run.sh's, not otel)" ;;
esac
for n in "$DURATION" "$WARMUP" "$TOP" "$THREADS" "$CONNECTIONS"; do
  [[ "$n" =~ ^[0-9]+$ ]] || die "DURATION, WARMUP, TOP, THREADS, CONNECTIONS: want whole numbers"
done
command -v wrk >/dev/null 2>&1 || die "wrk is needed (apt-get install wrk)"

if [[ "$SKIP_BUILD" != 1 ]]; then
  echo "== building (mvn -Pbench -pl benchmarks -am package)"
  (cd "$ROOT" && mvn -B -q -Pbench -pl benchmarks -am -DskipTests package)
fi
OUT="$T/profiles"
mkdir -p "$OUT"
RECORDING="$OUT/$VARIANT-$(date -u +%Y%m%dT%H%M%SZ).jfr"

# A loopback port below the ephemeral range, as run.sh picks them.
low="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
port=""
for _ in $(seq 1 100); do
  candidate=$((10000 + RANDOM % (low - 10001)))
  if [[ -z "$(ss -Htan "( sport = :$candidate or sport = :$((candidate + 1)) )" 2>/dev/null)" ]]; then
    port="$candidate"
    break
  fi
done
[[ -n "$port" ]] || die "no free loopback port found"

# The recording starts after the warmup (JFR.start), so that it holds the steady state only.
# shellcheck disable=SC2086 # JVM_OPTS is a list of flags
java $JVM_OPTS -cp "$CP" "$main" "$VARIANT" "$port" "$((port + 1))" >"$OUT/$VARIANT.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/products/0" && break
  kill -0 "$pid" 2>/dev/null || die "the server did not start, see $OUT/$VARIANT.log"
  sleep 0.1
done
url="http://127.0.0.1:$port/products/1"
echo "== $VARIANT on $port: ${WARMUP}s warmup, then ${DURATION}s recorded"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null
jcmd "$pid" JFR.start name=alloc \
  jdk.ObjectAllocationInNewTLAB#enabled=true jdk.ObjectAllocationOutsideTLAB#enabled=true >/dev/null
report="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$url")"
jcmd "$pid" JFR.stop name=alloc filename="$RECORDING" >/dev/null
requests="$(awk '/requests in/ {print $1}' <<<"$report")"
[[ "$requests" =~ ^[0-9]+$ && "$requests" -gt 0 ]] || die "wrk completed no requests: $report"
echo "== $requests requests recorded in $RECORDING"
java -cp "$T/classes" io.redmetrics.bench.AllocationProfile \
  "$RECORDING" "$requests" "$PACKAGE" "$TOP"
