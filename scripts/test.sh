#!/usr/bin/env bash
# Every test: type check, unit and interop tests, conformance floor, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/wasq.mjs ] && [ -f build/kernels.wasm ] || npm run build
npm run typecheck
mapfile -t files < <(find test -name '*.test.ts' | sort)
node --import tsx --test --test-reporter=spec "${files[@]}"
