// Bundle the wasq command (server/cli.ts and the q core it imports) into dist/wasq.mjs with esbuild.
// `node scripts/build-cli.mjs dist/mine.mjs` writes a private bundle (run it with WASQ_DIST=dist/mine.mjs).
import { build } from 'esbuild';
const out = process.argv[2] ?? 'dist/wasq.mjs';
// the client's socket thread is its own bundle beside the command, named after it (wasq.mjs →
// wasq.client-worker.mjs), so private builds never share a worker with another build
await build({ entryPoints: ['server/client-worker.ts'], outfile: out.replace(/\.mjs$/, '') + '.client-worker.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
await build({
  entryPoints: ['server/cli.ts'], outfile: out, bundle: true, platform: 'node', format: 'esm',
  target: 'node20', sourcemap: true, logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
