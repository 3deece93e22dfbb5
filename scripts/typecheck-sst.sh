#!/usr/bin/env bash
# Offline type-check of sst.config.ts (and the OpenNext configs) against SST's real platform types, so a wrong
# component property fails CI. `sst install` generates .sst/platform (git-ignored); it needs no AWS credentials.
set -euo pipefail
cd "$(dirname "$0")/.."
export SST_SKIP_DEPENDENCY_CHECK=1 SST_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 SST_NO_BUN=1
start=$(date +%s)
if [ ! -f .sst/platform/config.d.ts ] || [ "${SST_REINSTALL:-0}" = 1 ]; then
  npx sst install --stage dev
fi
installed=$(date +%s)
npx tsc -p tsconfig.sst.json
echo "sst types: install $((installed - start)) s, type-check $(( $(date +%s) - installed )) s"
