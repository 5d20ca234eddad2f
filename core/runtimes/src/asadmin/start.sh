#!/usr/bin/env bash
# Creates a domain of Payara Server or GlassFish (both asadmin, one domain layout) under target/ on
# the ports Maven reserved, starts it, and deploys both WARs at context root /: conformance.war on
# the default virtual server (http-listener-1), conformance-discovered.war on a virtual server of
# its own behind a loopback listener; with APPLIB_JAR set (Payara), also conformance-applib.war and
# conformance-applib-explicit.war, each on a virtual server and loopback listener of its own, both
# taking the library from the domain's lib/applibs (deploy --libraries) instead of WEB-INF/lib.
# Called by exec-maven-plugin in pre-integration-test (the runtime's pom.xml passes the
# environment: AS_HOME, the unpacked distribution; PAYARA=true for Payara's own steps, its
# Hazelcast ports and its metrics servlet); stops the domain again if its start or any step after
# it fails, so that only a started, deployed domain is left to post-integration-test's stop.sh.
# -E: the ERR trap below also fires for a command that fails inside a function (asadmin), which
# would otherwise end the script through -e without it, leaving a domain whose start-domain timed
# out still running.
set -eEuo pipefail

: "${AS_HOME:?}" "${DOMAIN_DIR:?}" "${WAR:?}" "${DISCOVERED_WAR:?}"
: "${ADMIN_PORT:?}" "${HTTP_PORT:?}" "${HTTPS_PORT:?}" "${DISCOVERED_PORT:?}"
: "${JMX_PORT:?}" "${DEBUGGER_PORT:?}" "${JMS_PORT:?}" "${OSGI_SHELL_PORT:?}"
: "${IIOP_PORT:?}" "${IIOPS_PORT:?}" "${IIOP_MUTUALAUTH_PORT:?}"
PAYARA=${PAYARA:-false}
APPLIB_JAR=${APPLIB_JAR:-}
if [ -n "$APPLIB_JAR" ]; then
  : "${APPLIB_WAR:?}" "${APPLIB_EXPLICIT_WAR:?}" "${APPLIB_PORT:?}" "${APPLIB_EXPLICIT_PORT:?}"
fi

DOMAIN=conformance

# sh, not the script itself: the unpacked zip may have lost its executable bits.
asadmin() { sh "$AS_HOME/bin/asadmin" --interactive=false "$@"; }

# A run that Maven aborted before post-integration-test (a plugin error, Ctrl-C) left its domain
# running: stop it before its files go.
if [ -d "$DOMAIN_DIR/$DOMAIN" ]; then
  asadmin stop-domain --kill=true --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null 2>&1 || true
fi
rm -rf "$DOMAIN_DIR"
# Every port the domain binds, none of the server's defaults: parallel builds do not collide.
ports="http.ssl.port=$HTTPS_PORT:domain.jmxPort=$JMX_PORT:java.debugger.port=$DEBUGGER_PORT:jms.port=$JMS_PORT:orb.listener.port=$IIOP_PORT:orb.ssl.port=$IIOPS_PORT:orb.mutualauth.port=$IIOP_MUTUALAUTH_PORT:osgi.shell.telnet.port=$OSGI_SHELL_PORT"
# Payara's Hazelcast ports do not move on when taken (auto-increment off): a clash fails here, not
# later. GlassFish has no Hazelcast.
if [ "$PAYARA" = true ]; then
  : "${HAZELCAST_DAS_PORT:?}" "${HAZELCAST_START_PORT:?}"
  ports="$ports:hazelcast.das.port=$HAZELCAST_DAS_PORT:hazelcast.start.port=$HAZELCAST_START_PORT:hazelcast.auto.increment=false"
fi
asadmin create-domain --nopassword --checkports=false --domaindir "$DOMAIN_DIR" \
  --adminport "$ADMIN_PORT" --instanceport "$HTTP_PORT" --domainproperties "$ports" \
  "$DOMAIN" >/dev/null

# Payara's own MicroProfile Metrics adds its servlet at /metrics to every WAR at context root /
# (a ServletContainerInitializer, enabled or not), in front of the shop's endpoint at that path:
# it is disabled and kept to the admin's virtual server. Written into the fresh domain.xml, as
# set-metrics-configuration takes effect only at the next start and a restart costs most of a
# minute here. GlassFish has no MicroProfile Metrics.
if [ "$PAYARA" = true ]; then
  config="$DOMAIN_DIR/$DOMAIN/config/domain.xml"
  metrics='<microprofile-metrics-configuration>'
  grep -q "$metrics" "$config" || { echo "no $metrics in $config: disable Payara's metrics otherwise" >&2; exit 1; }
  sed -i "s|$metrics|<microprofile-metrics-configuration enabled=\"false\" virtual-servers=\"__asadmin\">|" "$config"
fi

# The library for the whole domain, for the applications that name it (deploy --libraries): in
# lib/applibs, not lib, whose common class loader would also take the place of the copy in every
# other WAR's WEB-INF/lib (Payara's web class loader asks its parent first), and whose jars Jersey
# does not discover providers in (README.md).
if [ -n "$APPLIB_JAR" ]; then
  mkdir -p "$DOMAIN_DIR/$DOMAIN/lib/applibs"
  cp "$APPLIB_JAR" "$DOMAIN_DIR/$DOMAIN/lib/applibs/"
fi

trap 'echo "start.sh failed: stopping the domain" >&2; asadmin stop-domain --kill=true --domaindir "$DOMAIN_DIR" "$DOMAIN" || true' ERR
asadmin start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN"

commands="$DOMAIN_DIR/conformance.asadmin"
cat >"$commands" <<EOF
create-virtual-server --hosts 127.0.0.1 discovered
create-http-listener --listeneraddress 127.0.0.1 --listenerport $DISCOVERED_PORT --default-virtual-server discovered discovered-listener
deploy --contextroot / --virtualservers server --name conformance $WAR
deploy --contextroot / --virtualservers discovered --name conformance-discovered $DISCOVERED_WAR
EOF
if [ -n "$APPLIB_JAR" ]; then
  library=$(basename "$APPLIB_JAR")
  cat >>"$commands" <<EOF
create-virtual-server --hosts 127.0.0.1 applib
create-http-listener --listeneraddress 127.0.0.1 --listenerport $APPLIB_PORT --default-virtual-server applib applib-listener
create-virtual-server --hosts 127.0.0.1 applib-explicit
create-http-listener --listeneraddress 127.0.0.1 --listenerport $APPLIB_EXPLICIT_PORT --default-virtual-server applib-explicit applib-explicit-listener
deploy --contextroot / --virtualservers applib --libraries $library --name conformance-applib $APPLIB_WAR
deploy --contextroot / --virtualservers applib-explicit --libraries $library --name conformance-applib-explicit $APPLIB_EXPLICIT_WAR
EOF
fi
asadmin --host 127.0.0.1 --port "$ADMIN_PORT" multimode --file "$commands"

# Payara now and then deploys conformance-applib.war without the feature it discovers in the
# library of lib/applibs: every /metrics answers 404 for that deployment (twice in CI, once in 17
# starts of the domain here; README.md). A WAR that does not serve its endpoint within a minute is
# reported, with what its resources answer, and deployed once more; a second miss fails the start.
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true; }
serves_metrics() {   # serves_metrics PORT: whether /metrics answers 200 within a minute
  local code=""
  for _ in $(seq 1 60); do
    code=$(status "http://127.0.0.1:$1/metrics")
    [ "$code" = 200 ] && return 0
    sleep 1
  done
  return 1
}
ensure_applib() {   # ensure_applib NAME VIRTUAL_SERVER PORT WAR
  serves_metrics "$3" && return 0
  echo "WARNING: $1 answers $(status "http://127.0.0.1:$3/metrics") on /metrics and" \
    "$(status "http://127.0.0.1:$3/products/1") on /products/1: RedMetricsFeature was not" \
    "found in lib/applibs/$library on this deployment; deploying it once more" >&2
  asadmin --host 127.0.0.1 --port "$ADMIN_PORT" deploy --force=true --contextroot / \
    --virtualservers "$2" --libraries "$library" --name "$1" "$4"
  serves_metrics "$3" || { echo "$1 serves no /metrics after a second deployment" >&2; false; }
}
if [ -n "$APPLIB_JAR" ]; then
  ensure_applib conformance-applib applib "$APPLIB_PORT" "$APPLIB_WAR"
  ensure_applib conformance-applib-explicit applib-explicit "$APPLIB_EXPLICIT_PORT" "$APPLIB_EXPLICIT_WAR"
fi
