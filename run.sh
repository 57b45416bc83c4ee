#!/usr/bin/env bash
# Runs the assistant on a fresh machine as one process. The build fetches the Hunspell dictionaries from npm
# (KnowledgeBase/Dictionaries), and the Bot, on start, migrates the SQLite database and builds the
# search index when it is missing or older than the cards. Extra arguments go to the Bot,
# e.g. ./run.sh --urls http://127.0.0.1:5080
set -euo pipefail
cd "$(dirname "$0")"
# Direct Line (the chat page) needs a secret and has no default. Without one in the environment,
# this installation gets its own random secret, kept in data/ (not committed, readable by its owner only).
if [ -z "${DirectLine__Secret:-}" ]; then
  mkdir -p data
  if [ ! -s data/directline.secret ]; then
    (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > data/directline.secret)
  fi
  DirectLine__Secret="$(cat data/directline.secret)"
  export DirectLine__Secret
fi
# Build first, then run the built Bot in this process: `dotnet run` would stay resident beside the
# Bot (about 200 MB) for as long as it runs.
dotnet build Bot -c Release --nologo -v quiet
exec dotnet Bot/bin/Release/net10.0/Asystent.Bot.dll "$@"
