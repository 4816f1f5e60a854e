#!/usr/bin/env bash
# Every test: type check, unit and interop tests, conformance floor, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build
npm run typecheck
bash scripts/ensure-chromium.sh
mapfile -t files < <(find test e2e -name '*.test.ts' | sort)
node --import tsx --test --test-reporter=spec "${files[@]}"
