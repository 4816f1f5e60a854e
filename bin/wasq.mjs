#!/usr/bin/env -S node --stack-size=3800
// Entry point of `npx wasq`: the bundled CLI built by `npm install` (scripts/build-cli.mjs).
// WASQ_DIST points at another bundle (a developer's private build).
// --stack-size: V8's default (984 KB) lets a q function recurse only about 600 deep, where kdb+ goes to
// its own limit ('stack at 2000 here); 3.8 MB stays well inside the usual 8 MB stack of a process.
// Allocation-site pretenuring off: once a statement has made many objects that last (a 100,000-line
// CSV's strings, flip's rows), V8 allocates every later vector header of the same site in the old
// generation, where each dies unseen until a full collection and keeps its young items alive through
// every scavenge. In bench/interp.ts's long process that doubled the cost of small operations
// (group t`b of 100 rows: 546 → 334 ms per 100,000; s cross 1 2: 5215 → 1515 ms).
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--no-allocation-site-pretenuring');
const { main } = await import(process.env.WASQ_DIST ? new URL(process.env.WASQ_DIST, `file://${process.cwd()}/`).href : '../dist/wasq.mjs');
main(process.argv.slice(2));
