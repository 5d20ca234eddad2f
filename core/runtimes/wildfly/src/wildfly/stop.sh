#!/usr/bin/env bash
# Stops the server start.sh started; called by exec-maven-plugin in post-integration-test, which
# Maven runs whatever the tests did (failsafe fails the build only in verify, after it), and by
# start.sh before it starts again.
set -euo pipefail

: "${BASE_DIR:?}"

pidfile="$BASE_DIR/server.pid"
[ -f "$pidfile" ] || exit 0
pid=$(cat "$pidfile")
# Only the process of this base directory: a pid left in an old file may belong to another
# process by now, another build's server included.
if ! tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "-Djboss.server.base.dir=$BASE_DIR"; then
  rm -f "$pidfile"
  exit 0
fi
# Killed, not shut down: nothing in a test server is worth the seconds of an orderly stop.
kill -9 "$pid"
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
rm -f "$pidfile"
