// The workbench page: built into dist/web, served by `wasq` under /wasq/ so it never shadows a q query.
// Cross-origin isolation (COOP/COEP) lets the page share a Stop flag with the interpreter's worker.
import { defineConfig } from 'vite';

const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  root: 'web',
  base: './',
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
});
