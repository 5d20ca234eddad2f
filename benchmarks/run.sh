#!/usr/bin/env bash
# Side-by-side load test of the benchmark app: bare, redmetrics, Micrometer (two ways) and the
# OpenTelemetry Java agent on Jersey, and bare or with redmetrics on RESTEasy and CXF, on
# loopback, with ratios against the bare app of the same runtime measured in the same run.
# See benchmarks/README.md. Usage, from anywhere:
#
#   benchmarks/run.sh
#   VARIANTS="resteasy-bare resteasy-redmetrics cxf-bare cxf-redmetrics" benchmarks/run.sh
#
# Settings (environment): VARIANTS (Jersey: bare redmetrics redmetrics-classic micrometer
# micrometer-hist otel; RESTEasy on Undertow: resteasy-bare resteasy-redmetrics resteasy-stages;
# CXF on Jetty: cxf-bare cxf-redmetrics cxf-stages (stages: a no-op provider in each stage
# redmetrics uses); each needs its runtime's bare: bare, resteasy-bare, cxf-bare), ROUNDS, WARMUP
# and DURATION (seconds per wrk run),
# THREADS and CONNECTIONS (wrk -t/-c), JVM_OPTS (the same for every server), SKIP_BUILD=1.
#
# Method: every variant's server is started once, with the same JVM flags, and warmed up; then
# each round loads every variant once, for DURATION seconds, in an order rotated every round.
# Many short rounds, back to back, let the noise of a shared machine hit every variant alike;
# the ratios to "bare" are taken within a round. Only one server is under load at a time.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"

VARIANTS="${VARIANTS:-bare redmetrics redmetrics-classic micrometer micrometer-hist otel}"
ROUNDS="${ROUNDS:-10}"
WARMUP="${WARMUP:-20}"
DURATION="${DURATION:-10}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
JVM_OPTS="${JVM_OPTS:--Xms512m -Xmx512m -XX:+UseG1GC}"
SKIP_BUILD="${SKIP_BUILD:-0}"

die() { echo "run.sh: $*" >&2; exit 2; }

# Every setting is bounded, so the run always ends.
in_range() { [[ "$2" =~ ^[0-9]+$ ]] && (( $2 >= $3 && $2 <= $4 )) || die "$1=$2: want $3..$4"; }
in_range ROUNDS "$ROUNDS" 1 50
in_range WARMUP "$WARMUP" 0 600
in_range DURATION "$DURATION" 1 600
in_range THREADS "$THREADS" 1 64
in_range CONNECTIONS "$CONNECTIONS" 1 1024
read -r -a ALL <<<"$VARIANTS"
# runtime_of VARIANT: jersey (BenchServer), resteasy or cxf (SeBenchServer, through SeBootstrap).
runtime_of() { case "$1" in resteasy-*) echo resteasy ;; cxf-*) echo cxf ;; *) echo jersey ;; esac; }
for v in "${ALL[@]}"; do
  case "$v" in
    bare|redmetrics|redmetrics-classic|micrometer|micrometer-hist|otel) base=bare ;;
    resteasy-bare|resteasy-redmetrics|resteasy-stages|cxf-bare|cxf-redmetrics|cxf-stages)
      base="$(runtime_of "$v")-bare" ;;
    *) die "unknown variant $v" ;;
  esac
  # BenchReport divides by the bare app of the same runtime, in the same round.
  [[ " $VARIANTS " == *" $base "* ]] || die "VARIANTS has $v but not $base, its baseline"
done

# ---- build and tools ------------------------------------------------------------------------

if [[ "$SKIP_BUILD" != 1 ]]; then
  echo "== building (mvn -Pbench -pl benchmarks -am package)"
  (cd "$ROOT" && mvn -B -q -Pbench -pl benchmarks -am -DskipTests package)
fi
# One class path per runtime: Jersey, RESTEasy and CXF cannot share one (SeBootstrap and
# RuntimeDelegate pick one implementation). lib-common: the library and the Prometheus client.
declare -A CP=(
  [jersey]="$HERE/target/classes:$HERE/target/lib/*"
  [resteasy]="$HERE/target/classes:$HERE/target/lib-common/*:$HERE/target/lib-resteasy/*"
  [cxf]="$HERE/target/classes:$HERE/target/lib-common/*:$HERE/target/lib-cxf/*"
)
AGENT="$HERE/target/agent/opentelemetry-javaagent.jar"
for lib in lib lib-common lib-resteasy lib-cxf; do
  [[ -d "$HERE/target/$lib" ]] || die "not built (no target/$lib): run without SKIP_BUILD=1"
done
[[ -f "$AGENT" ]] || die "not built (no agent): run without SKIP_BUILD=1"

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
for tool in curl ss java; do command -v "$tool" >/dev/null 2>&1 || die "$tool is needed"; done

OUT="$HERE/target/bench-results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
printf 'round\tvariant\trps\tp50_ms\tp99_ms\tcpu_us_per_req\talloc_b_per_req\tothers_cpu_pct\trequests\n' \
  >"$RESULTS"

# ---- servers --------------------------------------------------------------------------------

declare -A PID PORT METRICS_PORT ALLOC_PORT SENT

stop_servers() {
  local v pid
  for v in "${!PID[@]}"; do
    pid="${PID[$v]}"
    kill "$pid" 2>/dev/null || true
  done
  for v in "${!PID[@]}"; do
    pid="${PID[$v]}"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "PID[$v]"
  done
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# A loopback port no socket uses, below the kernel's ephemeral range (where wrk's own client
# ports and their TIME_WAIT leftovers live), and not one already taken by this run.
EPHEMERAL_LOW="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
((EPHEMERAL_LOW > 11000)) || die "ephemeral ports start at $EPHEMERAL_LOW: no room below for the servers"
TAKEN=" "
FREE_PORT=""
free_port() {   # sets FREE_PORT
  local port
  for _ in $(seq 1 100); do
    port=$((10000 + RANDOM % (EPHEMERAL_LOW - 10000)))
    if [[ "$TAKEN" != *" $port "* && -z "$(ss -Htan "( sport = :$port )" 2>/dev/null)" ]]; then
      TAKEN="$TAKEN$port "
      FREE_PORT="$port"
      return 0
    fi
  done
  die "no free loopback port found"
}

# start_server VARIANT: the same JVM flags for all; otel adds the agent. Jersey's variants run
# BenchServer, RESTEasy's and CXF's SeBenchServer, each on its runtime's class path.
start_server() {
  local variant="$1" log="$OUT/server-$1.log" agent=() port metrics_port main runtime
  runtime="$(runtime_of "$variant")"
  main=io.redmetrics.bench.BenchServer
  [[ "$runtime" == jersey ]] || main=io.redmetrics.bench.SeBenchServer
  free_port; port="$FREE_PORT"
  free_port; metrics_port="$FREE_PORT"
  free_port; ALLOC_PORT[$variant]="$FREE_PORT"
  PORT[$variant]="$port"
  METRICS_PORT[$variant]="$metrics_port"
  if [[ "$variant" == otel ]]; then
    # Spans are made but dropped (no exporter), as are logs; metrics are served by the agent's
    # own Prometheus exporter on a second loopback port, so that the run can check them.
    agent=(-javaagent:"$AGENT" -Dotel.service.name=bench
      -Dotel.traces.exporter=none -Dotel.logs.exporter=none
      -Dotel.metrics.exporter=prometheus
      -Dotel.exporter.prometheus.host=127.0.0.1 -Dotel.exporter.prometheus.port="$metrics_port")
  fi
  # shellcheck disable=SC2086 # JVM_OPTS is a list of flags
  java $JVM_OPTS "${agent[@]}" -cp "${CP[$runtime]}" "$main" "$variant" "$port" "${ALLOC_PORT[$variant]}" \
    >"$log" 2>&1 &
  PID[$variant]=$!
  for _ in $(seq 1 600); do   # 60 s at most; the agent takes ~10 s to start here
    if curl -fs -o /dev/null "http://127.0.0.1:$port/products/0"; then
      # The agent logs and carries on without instrumenting when it cannot start (a taken
      # port, a bad setting): measuring that would be measuring "bare".
      [[ "$variant" != otel ]] || curl -fs -o /dev/null "http://127.0.0.1:$metrics_port/metrics" \
        || die "the OpenTelemetry agent serves no metrics on $metrics_port, see $log"
      SENT[$variant]=1
      return 0
    fi
    kill -0 "${PID[$variant]}" 2>/dev/null || die "server $variant died, see $log"
    sleep 0.1
  done
  die "server $variant did not answer within 60 s, see $log"
}

# ---- load -----------------------------------------------------------------------------------

# load VARIANT SECONDS LOG: runs wrk, keeps its report, prints its RESULT line with the CPU
# seconds wrk used (its shell's children's times) appended as wrk_cpu_ms.
load() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency -s "$HERE/wrk/mix.lua" \
    "http://127.0.0.1:${PORT[$1]}" >"$3" 2>&1 || die "wrk failed, see $3"
  local line cpu
  line="$(grep '^RESULT ' "$3")" || die "no RESULT line in $3"
  times >"$3.times"   # no pipe: a forked child would not see wrk's times
  cpu="$(tail -1 "$3.times" | awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } printf "%d", t * 1000 }')"
  rm -f "$3.times"
  echo "$line wrk_cpu_ms=$cpu"
}

field() { sed -n "s/.* $2=\([0-9]*\).*/\1/p" <<<" $1"; }

# CPU accounting from /proc/stat (steal included) and the server's /proc/PID/stat: the server's
# CPU time per request (its cost, the least noisy figure here), and the noise: CPU time used on
# the machine by anything but the loaded server and wrk, in % of all cores.
TICK="$(getconf CLK_TCK)"
cpu_snapshot() {
  awk '/^cpu / { busy = 0; for (i = 2; i <= 9; i++) if (i != 5 && i != 6) busy += $i;
                 printf "%d %d ", busy, busy + $5 + $6 }' /proc/stat
  awk '{ printf "%d\n", $14 + $15 }' "/proc/${PID[$1]}/stat"
}
# others_percent "BEFORE" "AFTER" WRK_CPU_MS
others_percent() {
  awk -v b="$1" -v a="$2" -v wrk="$3" -v tick="$TICK" 'BEGIN {
    split(b, x, " "); split(a, y, " ");
    others = (y[1] - x[1]) - (y[3] - x[3]) - wrk / 1000 * tick;
    printf "%.0f", (others < 0 ? 0 : others) * 100 / (y[2] - x[2]) }'
}
# server_us_per_request "BEFORE" "AFTER" REQUESTS
server_us_per_request() {
  awk -v b="$1" -v a="$2" -v n="$3" -v tick="$TICK" 'BEGIN {
    split(b, x, " "); split(a, y, " "); printf "%.1f", (y[3] - x[3]) / tick * 1e6 / n }'
}

# The bytes the server's threads have allocated so far (/alloc, AllocationEndpoint): read before and
# after a measured run, the difference divided by the requests is the allocation per request.
allocated() { curl -fsS "http://127.0.0.1:${ALLOC_PORT[$1]}/alloc" || die "no /alloc from $1"; }
# bytes_per_request BEFORE AFTER REQUESTS
bytes_per_request() { awk -v b="$1" -v a="$2" -v n="$3" 'BEGIN { printf "%.0f", (a - b) / n }'; }

# ---- what each variant recorded -------------------------------------------------------------

# Sums the samples of one metric in a Prometheus text scrape (stdin), for the lines matching a
# regular expression; prints nothing when no line matches.
sum_samples() { awk -v re="$1" '$0 ~ re { s += $NF; n++ } END { if (n) printf "%d\n", s }'; }

ROUTE='(/products/\{id\}|/orders/\{orderId\}/lines/\{lineId\})'

# recorded VARIANT: how many requests the variant counted over the whole run; keeps the scrape.
recorded() {
  local scrape="$OUT/scrape-$1.txt"
  case "$1" in
    redmetrics|redmetrics-classic|resteasy-redmetrics|cxf-redmetrics)
      curl -fsS "http://127.0.0.1:${PORT[$1]}/metrics" >"$scrape" || return 1
      local active
      active="$(sum_samples '^http_requests_active\{' <"$scrape")"
      [[ "${active:-0}" == 0 ]] || { echo "in-flight gauge is $active after the load" >&2; return 1; }
      if grep '^http_requests_total{' "$scrape" | grep -Ev "path=\"$ROUTE\"" >&2; then
        echo "series other than the two templates" >&2
        return 1
      fi
      sum_samples "^http_requests_total\\{.*path=\"$ROUTE\"" <"$scrape"
      ;;
    micrometer|micrometer-hist)
      curl -fsS "http://127.0.0.1:${PORT[$1]}/metrics" >"$scrape" || return 1
      sum_samples "^http_server_requests_seconds_count\\{.*uri=\"$ROUTE\"" <"$scrape"
      ;;
    otel)
      # The agent's metric has no http.route here (see README), so all server requests count.
      curl -fsS "http://127.0.0.1:${METRICS_PORT[$1]}/metrics" >"$scrape" || return 1
      sum_samples '^http_server_request_duration_seconds_count\{' <"$scrape"
      ;;
  esac
}

# ---- the run --------------------------------------------------------------------------------

COUNT=${#ALL[@]}
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== variants: $VARIANTS; ${WARMUP}s warmup each, then $ROUNDS rounds of ${DURATION}s each"
echo "== wrk -t$THREADS -c$CONNECTIONS, JVM: $JVM_OPTS; results in $OUT"
if REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)"; then
  [[ -z "$(git -C "$ROOT" status --porcelain -- core 2>/dev/null)" ]] || REV="$REV, core/ modified"
  echo "== redmetrics-jaxrs from the work tree at $REV"
fi

for variant in "${ALL[@]}"; do
  start_server "$variant"
done
echo "   started ${#PID[@]} servers"
if ((WARMUP > 0)); then
  for variant in "${ALL[@]}"; do
    warm="$(load "$variant" "$WARMUP" "$OUT/wrk-$variant-warmup.txt")"
    SENT[$variant]=$((${SENT[$variant]} + $(field "$warm" requests)))
  done
  echo "   warmed up"
fi

FAILURES=0
for round in $(seq 1 "$ROUNDS"); do
  # Round-robin, rotated each round, so that no variant always runs first or last.
  for i in $(seq 0 $((COUNT - 1))); do
    variant="${ALL[$(((i + round - 1) % COUNT))]}"
    alloc_before="$(allocated "$variant")"
    before="$(cpu_snapshot "$variant")"
    result="$(load "$variant" "$DURATION" "$OUT/wrk-$variant-r$round.txt")"
    after="$(cpu_snapshot "$variant")"
    alloc_after="$(allocated "$variant")"
    requests="$(field "$result" requests)"
    errors="$(field "$result" errors)"
    SENT[$variant]=$((${SENT[$variant]} + requests))
    others="$(others_percent "$before" "$after" "$(field "$result" wrk_cpu_ms)")"
    cpu="$(server_us_per_request "$before" "$after" "$requests")"
    alloc="$(bytes_per_request "$alloc_before" "$alloc_after" "$requests")"
    rps="$(awk -v n="$requests" -v us="$(field "$result" duration_us)" 'BEGIN { printf "%.1f", n / (us / 1e6) }')"
    p50="$(awk -v us="$(field "$result" p50_us)" 'BEGIN { printf "%.3f", us / 1000 }')"
    p99="$(awk -v us="$(field "$result" p99_us)" 'BEGIN { printf "%.3f", us / 1000 }')"
    check=""
    if [[ "$errors" != 0 ]]; then
      check="FAILED: $errors wrk errors (non-2xx, timeouts, socket errors)"
      FAILURES=$((FAILURES + 1))
    fi
    printf '%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$variant" "$rps" "$p50" "$p99" \
      "$cpu" "$alloc" "$others" "$requests" >>"$RESULTS"
    printf '   round %2d %-19s %8s req/s  p50 %6s ms  p99 %8s ms  %6s CPU-µs/req  %6s B/req  others %3s%% CPU %s\n' \
      "$round" "$variant" "$rps" "$p50" "$p99" "$cpu" "$alloc" "$others" "$check"
  done
done

# Each variant must have recorded every request it answered: those wrk counted (the readiness
# probe, the warmup, the rounds), plus at most CONNECTIONS per wrk run still in flight when wrk
# stopped (answered and recorded, but not counted by wrk).
sleep 1
echo
echo "Recorded by each variant (its own metrics, scraped after the load):"
for variant in "${ALL[@]}"; do
  # bare and the stages variants record nothing: there is nothing of theirs to check.
  [[ "$variant" != bare && "$variant" != *-bare && "$variant" != *-stages ]] || continue
  sent="${SENT[$variant]}"
  slack=$(((ROUNDS + (WARMUP > 0 ? 1 : 0)) * CONNECTIONS))
  count="$(recorded "$variant")" || count=""
  if [[ -z "$count" ]]; then
    verdict="FAILED: nothing recorded"
  elif ((count < sent || count > sent + slack)); then
    verdict="FAILED: want $sent to $((sent + slack))"
  else
    verdict="ok"
  fi
  [[ "$verdict" == ok ]] || FAILURES=$((FAILURES + 1))
  printf '   %-19s recorded %9s, wrk completed %9d (+ up to %d in flight)  %s\n' \
    "$variant" "${count:--}" "$sent" "$slack" "$verdict"
done
stop_servers

echo
java -cp "$HERE/target/classes" io.redmetrics.bench.BenchReport "$RESULTS" | tee "$OUT/table.md"
echo
echo "Medians over $ROUNDS rounds, [smallest–largest round]; each ratio is taken within a round."
echo "Raw wrk reports, server logs, scrapes and results.tsv: $OUT"
if ((FAILURES > 0)); then
  echo "run.sh: $FAILURES check(s) FAILED, see above" >&2
  exit 1
fi
