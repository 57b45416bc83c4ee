#!/usr/bin/env bash
# Runs every test on a fresh machine: builds the solution (which fetches the Hunspell dictionaries
# from npm), then runs all test projects against real Lucene indexes, a real SQLite file and a
# real Bot process. Ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Assistant.sln -c Release --nologo -v quiet
log=$(mktemp)
status=0
dotnet test Assistant.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     }
     END { gsub(",", "", p); printf "%d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit $status
