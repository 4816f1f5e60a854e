#!/usr/bin/env node
// Entry point of `npx wasq`: the bundled CLI built by `npm install` (scripts/build-cli.mjs).
import { main } from '../dist/wasq.mjs';
main(process.argv.slice(2));
