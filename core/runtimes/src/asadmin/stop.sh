#!/usr/bin/env bash
# Stops the domain start.sh started (Payara Server or GlassFish: AS_HOME, the unpacked
# distribution); called by exec-maven-plugin in post-integration-test, which Maven runs whatever
# the tests did (failsafe fails the build only in verify, after it).
set -euo pipefail

: "${AS_HOME:?}" "${DOMAIN_DIR:?}"

# Killed, not shut down: nothing in a test domain is worth the seconds of an orderly stop.
sh "$AS_HOME/bin/asadmin" --interactive=false stop-domain --kill=true --domaindir "$DOMAIN_DIR" conformance
