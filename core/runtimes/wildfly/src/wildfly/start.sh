#!/usr/bin/env bash
# Configures a WildFly standalone server under target/ on the ports Maven reserved, starts it with
# four WARs at context root /: conformance.war on the default Undertow server (listener
# "default"), conformance-discovered.war, conformance-module.war and conformance-global.war each on
# an Undertow server of its own behind a listener on its own port (each WAR's WEB-INF/jboss-web.xml
# names its server and host). The last two take the library from the module io.redmetrics, which
# this script adds on a module path of the server's own and makes a global module of the ee
# subsystem. Waits, bounded, until all four answer.
# Called by exec-maven-plugin in pre-integration-test (pom.xml passes the environment); stops the
# server again if any step after the start fails, so that only a started, deployed server is left
# to post-integration-test's stop.sh.
set -euo pipefail

: "${WILDFLY_HOME:?}" "${BASE_DIR:?}" "${WAR:?}" "${DISCOVERED_WAR:?}" "${MODULE_JAR:?}"
: "${MODULE_WAR:?}" "${GLOBAL_WAR:?}"
: "${HTTP_PORT:?}" "${HTTPS_PORT:?}" "${DISCOVERED_PORT:?}" "${MODULE_PORT:?}" "${GLOBAL_PORT:?}" "${AJP_PORT:?}"
: "${MANAGEMENT_HTTP_PORT:?}" "${MANAGEMENT_HTTPS_PORT:?}" "${TXN_RECOVERY_PORT:?}" "${TXN_STATUS_PORT:?}"

# Bounded: a server that has not deployed the WARs by then will not.
START_TIMEOUT_SECONDS=${START_TIMEOUT_SECONDS:-240}
log="$BASE_DIR/log/server.log"
console="$BASE_DIR/console.log"
pidfile="$BASE_DIR/server.pid"

# A run that Maven aborted before post-integration-test (a plugin error, Ctrl-C) left its server
# running: stop it before its files go. stop.sh kills only the process of this base directory.
bash "$(dirname "$0")/stop.sh" || true
rm -rf "$BASE_DIR"
# A fresh server directory from the distribution's own: the unpacked distribution stays untouched.
cp -r "$WILDFLY_HOME/standalone" "$BASE_DIR"

# Ports standalone.xml hard-codes (the transaction manager's), the Undertow servers of the
# discovered, module and global WARs, and the global module, written into the fresh standalone.xml
# before the first start: nothing to restart. As the CLI would write them, but with awk: the CLI's embedded server boots WildFly's
# management model, half a minute on a loaded machine. Each edit fails the build if its line is
# not there (another WildFly version's standalone.xml): the CLI commands are in README.md. The
# default host's welcome content would hold the context root / that conformance.war takes.
config="$BASE_DIR/configuration/standalone.xml"
edit() { # a line of standalone.xml that must be there, its replacement
  grep -qF -- "$1" "$config" || { echo "no '$1' in $config: configure WildFly otherwise" >&2; exit 1; }
  local line=$1 replacement=$2
  awk -v line="$line" -v replacement="$replacement" \
    'index($0, line) { sub(/[^ ].*/, ""); printf "%s%s\n", $0, replacement; next } { print }' \
    "$config" >"$config.new"
  mv "$config.new" "$config"
}
edit '<socket-binding name="txn-recovery-environment" port="4712"/>' \
  "<socket-binding name=\"txn-recovery-environment\" port=\"$TXN_RECOVERY_PORT\"/>"
edit '<socket-binding name="txn-status-manager" port="4713"/>' \
  "<socket-binding name=\"txn-status-manager\" port=\"$TXN_STATUS_PORT\"/>"
edit '<socket-binding name="http" port="${jboss.http.port:8080}"/>' \
  "<socket-binding name=\"http\" port=\"\${jboss.http.port:8080}\"/><socket-binding name=\"discovered-http\" port=\"$DISCOVERED_PORT\"/><socket-binding name=\"module-http\" port=\"$MODULE_PORT\"/><socket-binding name=\"global-http\" port=\"$GLOBAL_PORT\"/>"
edit '<location name="/" handler="welcome-content"/>' ''
# The module io.redmetrics added to every deployment, indexed for annotations (RESTEasy's scan
# finds RedMetricsFeature there): conformance-global.war names nothing, conformance.war and
# conformance-discovered.war exclude it (WEB-INF/jboss-deployment-structure.xml).
edit '<subsystem xmlns="urn:jboss:domain:ee:6.0">' \
  '<subsystem xmlns="urn:jboss:domain:ee:6.0"><global-modules><module name="io.redmetrics" annotations="true"/></global-modules>'
edit '<servlet-container name="default">' \
  '<server name="discovered-server" default-host="discovered-host"><http-listener name="discovered" socket-binding="discovered-http"/><host name="discovered-host"/></server><server name="module-server" default-host="module-host"><http-listener name="module" socket-binding="module-http"/><host name="module-host"/></server><server name="global-server" default-host="global-host"><http-listener name="global" socket-binding="global-http"/><host name="global-host"/></server><servlet-container name="default">'

# The library as a module, on a module path of this server's own: the distribution stays as
# unpacked.
module="$BASE_DIR/modules/io/redmetrics/main"
mkdir -p "$module"
cp "$(dirname "$0")/modules/io/redmetrics/main/module.xml" "$module/"
cp "$MODULE_JAR" "$module/redmetrics-jaxrs-all.jar"

cp "$WAR" "$DISCOVERED_WAR" "$MODULE_WAR" "$GLOBAL_WAR" "$BASE_DIR/deployments/"

stop_on_failure() {
  echo "start.sh failed: the end of $log, then stopping the server" >&2
  tail -n 80 "$log" >&2 2>/dev/null || tail -n 80 "$console" >&2 || true
  bash "$(dirname "$0")/stop.sh" || true
}
trap stop_on_failure ERR

# In the background, its Java process's id in the pidfile (standalone.sh writes it when
# LAUNCH_JBOSS_IN_BACKGROUND is set). Every socket on 127.0.0.1.
JBOSS_MODULEPATH="$WILDFLY_HOME/modules:$BASE_DIR/modules" \
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$pidfile" nohup sh "$WILDFLY_HOME/bin/standalone.sh" \
  -Djboss.server.base.dir="$BASE_DIR" -b 127.0.0.1 -bmanagement 127.0.0.1 \
  -Djboss.http.port="$HTTP_PORT" -Djboss.https.port="$HTTPS_PORT" -Djboss.ajp.port="$AJP_PORT" \
  -Djboss.management.http.port="$MANAGEMENT_HTTP_PORT" -Djboss.management.https.port="$MANAGEMENT_HTTPS_PORT" \
  >"$console" 2>&1 </dev/null &

# The deployment scanner marks each WAR .deployed or .failed; then every shop must answer.
answers() { curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$1/metrics"; }
deadline=$((SECONDS + START_TIMEOUT_SECONDS))
until [ -e "$BASE_DIR/deployments/conformance.war.deployed" ] \
  && [ -e "$BASE_DIR/deployments/conformance-discovered.war.deployed" ] \
  && [ -e "$BASE_DIR/deployments/conformance-module.war.deployed" ] \
  && [ -e "$BASE_DIR/deployments/conformance-global.war.deployed" ] \
  && answers "$HTTP_PORT" && answers "$DISCOVERED_PORT" \
  && answers "$MODULE_PORT" && answers "$GLOBAL_PORT"; do
  if compgen -G "$BASE_DIR/deployments/*.failed" >/dev/null; then
    echo "a deployment failed: $(cat "$BASE_DIR"/deployments/*.failed)" >&2
    false
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "the WARs did not all answer within $START_TIMEOUT_SECONDS s" >&2
    false
  fi
  sleep 1
done
echo "WildFly serves conformance.war on $HTTP_PORT, conformance-discovered.war on $DISCOVERED_PORT," \
  "conformance-module.war on $MODULE_PORT, conformance-global.war on $GLOBAL_PORT"
