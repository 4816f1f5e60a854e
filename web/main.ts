// The workbench page: an editor, a Run button and the q console, over the interpreter worker.
import * as Comlink from 'comlink';
import type { Api } from './worker.js';

const worker = Comlink.wrap<Api>(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
const editor = document.getElementById('editor') as HTMLTextAreaElement;
const consoleEl = document.getElementById('console')!;
const status = document.getElementById('status')!;
editor.value = localStorage.getItem('wasq.editor') ?? '';

async function run() {
  const src = editor.selectionStart !== editor.selectionEnd ? editor.value.slice(editor.selectionStart, editor.selectionEnd) : editor.value;
  localStorage.setItem('wasq.editor', editor.value);
  status.textContent = 'running…';
  const t0 = performance.now();
  for (const o of await worker.run(src)) {
    const line = document.createElement('div');
    line.textContent = o.text;
    if (o.error) line.className = 'err';
    consoleEl.append(line);
  }
  consoleEl.scrollTop = consoleEl.scrollHeight;
  status.textContent = `${Math.round(performance.now() - t0)} ms`;
}
document.getElementById('run')!.addEventListener('click', run);
editor.addEventListener('keydown', e => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); run(); } });
