// The workbench page: built into dist/web, served by `wasq` under /wasq/ so it never shadows a q query.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: './',
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
});
