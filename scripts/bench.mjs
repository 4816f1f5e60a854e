// Run a benchmark from bench/ as the product runs: bundled by esbuild (as the wasq command is), so
// that const enums and module bindings cost what they cost in the shipped code, not what a per-file
// transpiler (tsx) makes them cost. `node scripts/bench.mjs run` runs bench/run.ts.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
const name = process.argv[2] ?? 'run', out = `dist/bench/${name}.mjs`;
await build({
  entryPoints: [`bench/${name}.ts`], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20',
  packages: 'external', logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const r = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
