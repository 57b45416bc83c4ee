#!/usr/bin/env bash
# Runs the assistant on a fresh machine. The build fetches the Hunspell dictionaries from npm
# (KnowledgeBase/Dictionaries), and the Bot, on start, migrates the SQLite database and builds the
# search index when it is missing or older than the cards. Extra arguments go to the Bot,
# e.g. ./run.sh --urls http://127.0.0.1:5080
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project Bot -c Release -- "$@"
