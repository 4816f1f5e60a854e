#!/usr/bin/env node
// Entry point of `npx wasq`: the bundled CLI built by `npm install` (scripts/build-cli.mjs).
// WASQ_DIST points at another bundle (a developer's private build).
const { main } = await import(process.env.WASQ_DIST ? new URL(process.env.WASQ_DIST, `file://${process.cwd()}/`).href : '../dist/wasq.mjs');
main(process.argv.slice(2));
