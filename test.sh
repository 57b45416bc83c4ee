#!/usr/bin/env bash
# Runs every test on a fresh machine: builds the solution (which fetches the Hunspell dictionaries
# from npm), runs all .NET test projects against real Lucene indexes, a real SQLite file and a real
# Bot process, then the official Bot Framework clients from npm (tests/Clients: directlinejs over
# WebSocket and polling, Web Chat in headless Chromium) against a Bot process. The storage tests run
# on SQLite and again on PostgreSQL (a throwaway cluster). Ends with one line
# "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Assistant.sln -c Release --nologo -v quiet
# The card-import tests render their sample PDFs with DejaVu Sans (Polish letters embedded).
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
fi
# The storage tests also run against PostgreSQL: a throwaway cluster of Debian's server binaries
# (initdb in a temporary folder, its own port on 127.0.0.1), started and stopped by the tests
# themselves; no system service is used. Required here, so a missing server fails instead of skipping.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
export ASSISTANT_TEST_POSTGRESQL=required
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Assistant.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?
# The browser tests drive Debian's Chromium (a browser downloaded by a test tool is not allowed here).
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
npm ci --prefix tests/Clients --no-audit --no-fund --loglevel=error
npm test --prefix tests/Clients 2>&1 | tee -a "$log" || status=$?
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     }
     /^# pass / { p += $3 }
     /^# fail / { f += $3 }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit $status
