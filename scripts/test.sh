#!/usr/bin/env bash
# The whole suite, as the README's `npm test` runs it: lint, types, unit, integration (real local stack),
# the production build, and Playwright in Debian's Chromium. Each layer starts and stops what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

CHROME_PATH="$(bash scripts/find-chromium.sh)"
export CHROME_PATH

echo "== lint (Biome lint and format check, knip dead code)"
npm run --silent lint
echo "== type check"
npx tsc --noEmit -p .
echo "== unit tests"
npx vitest run --project unit
echo "== integration tests (DynamoDB Local, cognito-local, Redis)"
npx vitest run --project integration
echo "== production build"
npx next build
echo "== end-to-end tests (Chromium: $CHROME_PATH)"
npx playwright test
echo "== sst.config.ts type check (SST platform types installed offline)"
npm run --silent typecheck:sst
echo "== Lambda package (OpenNext build, handler invoked with API Gateway v2 events)"
timeout --kill-after=30 1800 npm run --silent test:lambda
