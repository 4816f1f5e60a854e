// The built page (dist/web) served with cross-origin isolation, and Debian's chromium driven by
// playwright-core: shared by the browser tests and by the benchmark's browser run.
import { createServer, Server } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { chromium, Browser } from 'playwright-core';

const ROOT = 'dist/web';
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

/** Serve dist/web on a free loopback port; the page's address and a way to stop. */
export async function servePage(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const p = join(ROOT, path === '/' ? 'index.html' : decodeURIComponent(path));
    if (!existsSync(p) || !statSync(p).isFile()) { res.writeHead(404); res.end(); return; }
    // isolation lets the worker use shared memory (vectors, the Stop flag)
    res.writeHead(200, { 'Content-Type': types[extname(p)] ?? 'application/octet-stream', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    res.end(readFileSync(p));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server };
}

/** Debian's chromium, headless. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
