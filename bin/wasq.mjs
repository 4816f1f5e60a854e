#!/usr/bin/env -S node --stack-size=3800
// Entry point of `npx wasq`: the bundled CLI built by `npm install` (scripts/build-cli.mjs).
// WASQ_DIST points at another bundle (a developer's private build).
// --stack-size: V8's default (984 KB) lets a q function recurse only about 600 deep, where kdb+ goes to
// its own limit ('stack at 2000 here); 3.8 MB stays well inside the usual 8 MB stack of a process.
const { main } = await import(process.env.WASQ_DIST ? new URL(process.env.WASQ_DIST, `file://${process.cwd()}/`).href : '../dist/wasq.mjs');
main(process.argv.slice(2));
