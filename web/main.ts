// The workbench page: a CodeMirror editor, the q console and an explorer, over the interpreter worker.
import * as Comlink from 'comlink';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { EditorState, StateField, StateEffect } from '@codemirror/state';
import { Decoration, DecorationSet } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { autocompletion, CompletionContext } from '@codemirror/autocomplete';
import { qLanguage } from './editor/q.js';
import { KEYWORDS } from './editor/keywords.js';
import { Grid } from './explorer/grid.js';
import { chart } from './charts/chart.js';
import type { Api, Output } from './worker.js';

const $ = (id: string) => document.getElementById(id)!;
const consoleEl = $('console'), status = $('status'), stopBtn = $('stop') as HTMLButtonElement;
let worker!: Worker, api!: Comlink.Remote<Api>;
let globals: string[] = [];
const stopFlag = globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : null;

function startWorker() {
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.onerror = () => { append([{ input: '', text: 'the worker crashed; a fresh session was started', error: true }]); startWorker(); };
  api = Comlink.wrap<Api>(worker);
  if (stopFlag) void api.setStop(stopFlag.buffer as SharedArrayBuffer);
  // what .z.ts prints on a timer tick (\t N) shows in the console as it comes
  void api.onTimer(Comlink.proxy((outs: Output[]) => append(outs)));
}
startWorker();

// ---- editor -------------------------------------------------------------------------------------------
const complete = (ctx: CompletionContext) => {
  const w = ctx.matchBefore(/\.?[\w.]+/);
  if (!w || (w.from === w.to && !ctx.explicit)) return null;
  return { from: w.from, options: [...[...KEYWORDS].map(k => ({ label: k, type: 'keyword' })), ...globals.map(g => ({ label: g, type: 'variable' }))] };
};
// the error's place in the editor: a wavy underline on the failing statement (at the parse position when known)
const setError = StateEffect.define<{ from: number; to: number } | null>();
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) if (e.is(setError)) marks = e.value ? Decoration.set([Decoration.mark({ class: 'cm-q-error' }).range(e.value.from, e.value.to)]) : Decoration.none;
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: f => EditorView.decorations.from(f),
});
function markError(o: Output | undefined) {
  if (!o || !o.error) { editor.dispatch({ effects: setError.of(null) }); return; }
  const at = editor.state.doc.toString().indexOf(o.input);
  if (at < 0) return;
  const from = at + (o.pos !== undefined && o.pos < o.input.length ? o.pos : 0);
  const to = o.pos !== undefined && o.pos < o.input.length ? Math.min(at + o.input.length, from + 1) : at + o.input.length;
  editor.dispatch({ effects: setError.of({ from, to: Math.max(to, from + 1) }) });
}
const editor = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: localStorage.getItem('wasq.editor') ?? '',
    extensions: [
      lineNumbers(), highlightActiveLine(), history(), bracketMatching(), qLanguage, syntaxHighlighting(defaultHighlightStyle),
      autocompletion({ override: [complete] }), errorField,
      keymap.of([
        { key: 'Mod-Shift-Enter', run: () => { void run(editor.state.doc.toString()); return true; } },
        { key: 'Mod-Enter', run: () => { void run(currentText()); return true; } },
        ...defaultKeymap, ...historyKeymap,
      ]),
      EditorView.updateListener.of(u => { if (u.docChanged) localStorage.setItem('wasq.editor', u.state.doc.toString()); }),
    ],
  }),
});
/** The selection, or the current line. */
function currentText(): string {
  const s = editor.state.selection.main;
  return s.empty ? editor.state.doc.lineAt(s.head).text : editor.state.sliceDoc(s.from, s.to);
}

// ---- console ------------------------------------------------------------------------------------------
const hist: string[] = JSON.parse(localStorage.getItem('wasq.history') ?? '[]');
let hpos = hist.length;
function append(outs: Output[]) {
  for (const o of outs) {
    if (o.input) { const i = document.createElement('div'); i.className = 'in'; i.textContent = 'q)' + o.input.split('\n')[0]; consoleEl.append(i); }
    if (o.text) { const d = document.createElement('div'); d.textContent = o.text; if (o.error) d.className = 'err'; consoleEl.append(d); }
    // an error's frame, with its caret under the failing primitive
    if (o.trace) { const d = document.createElement('div'); d.textContent = o.trace; d.className = 'trace'; consoleEl.append(d); }
  }
  consoleEl.scrollTop = consoleEl.scrollHeight;
}

// ---- remote mode: run editor text on a kdb+ or wasq server over WebSocket (kdb+ IPC serialization) ----
let remote: WebSocket | null = null;
const remoteUrl = $('remote-url') as HTMLInputElement;
remoteUrl.value = localStorage.getItem('wasq.remote') ?? '';
async function connect(url: string) {
  remote?.close();
  if (!url) { remote = null; $('connect').textContent = 'Connect'; remoteUrl.parentElement!.classList.remove('on'); return; }
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  await new Promise((res, rej) => { ws.onopen = res; ws.onerror = () => rej(new Error(`cannot connect to ${url}`)); });
  remote = ws; localStorage.setItem('wasq.remote', url);
  $('connect').textContent = 'Disconnect'; remoteUrl.parentElement!.classList.add('on');
  ws.onclose = () => { if (remote === ws) { remote = null; $('connect').textContent = 'Connect'; remoteUrl.parentElement!.classList.remove('on'); } };
}
$('connect').onclick = () => void (remote ? connect('') : connect(remoteUrl.value.trim()).catch(e => append([{ input: '', text: String(e.message ?? e), error: true }])));
/** One query on the remote: its console display (the remote's value, formatted here). */
async function ask(src: string): Promise<Output> {
  const ws = remote!;
  const reply = new Promise<ArrayBuffer>(res => ws.addEventListener('message', e => res(e.data as ArrayBuffer), { once: true }));
  ws.send((await api.encode(src)) as Uint8Array<ArrayBuffer>);
  const r = await api.decode(new Uint8Array(await reply));
  return { input: src, text: r.text, error: r.error };
}

let busy = false;
async function run(src: string) {
  if (remote && src.trim()) {
    busy = true;
    try { for (const stmt of src.split('\n').filter(l => l.trim() && !l.startsWith('/'))) { const o = await ask(stmt); append([o]); if (o.error) break; } status.textContent = `remote ${remoteUrl.value}`; }
    finally { busy = false; }
    // the last remote answer can be explored like a local table
    current = '.wasq.remote';
    return;
  }
  if (busy || !src.trim()) return;
  busy = true; stopBtn.disabled = false;
  const t0 = performance.now();
  const tick = setInterval(() => { status.textContent = `running… ${((performance.now() - t0) / 1000).toFixed(1)} s`; }, 200);
  try {
    const outs = await api.run(src);
    append(outs);
    markError(outs.find(o => o.error));
    status.textContent = `${Math.round(performance.now() - t0)} ms`;
    status.dataset.state = outs.some(o => o.error) ? 'error' : 'ok';
  } catch (e) {
    append([{ input: src, text: String(e), error: true }]);
  } finally {
    clearInterval(tick); busy = false; stopBtn.disabled = true;
    await refreshVars();
  }
}
stopBtn.onclick = () => {
  if (stopFlag) { Atomics.store(stopFlag, 0, 1); return; }
  // without shared memory the only way to stop is a fresh worker: the session's globals are lost
  worker.terminate(); startWorker(); busy = false; stopBtn.disabled = true;
  append([{ input: '', text: 'stopped: a fresh session was started (globals were lost)', error: true }]);
  void refreshVars();
};
$('run').onclick = () => void run(currentText());
$('runall').onclick = () => void run(editor.state.doc.toString());
const line = $('line') as HTMLInputElement;
line.addEventListener('keydown', e => {
  if (e.key === 'Enter') { const v = line.value; if (!v.trim()) return; hist.push(v); hpos = hist.length; localStorage.setItem('wasq.history', JSON.stringify(hist.slice(-500))); line.value = ''; void run(v); }
  else if (e.key === 'ArrowUp') { if (hpos > 0) line.value = hist[--hpos]; e.preventDefault(); }
  else if (e.key === 'ArrowDown') { line.value = hpos < hist.length - 1 ? hist[++hpos] : (hpos = hist.length, ''); e.preventDefault(); }
});

// ---- explorer -----------------------------------------------------------------------------------------
const TYPES: Record<number, string> = { 98: 'table', 99: 'dict', 100: 'lambda', 0: 'list' };
let current = '', grid: Grid | null = null;
async function refreshVars() {
  const vs = await api.list();
  globals = vs.map(v => v.name);
  $('vars').innerHTML = '<table><tr><th>name</th><th>kind</th><th>type</th><th>count</th></tr>' + vs.map(v => `<tr data-name="${v.name}"><td>${v.name}</td><td>${v.keys ? 'keyed table' : TYPES[v.type] ?? (v.type < 0 ? 'atom' : 'vector')}</td><td>${v.type}h</td><td>${v.count}</td></tr>`).join('') + '</table>';
  for (const tr of $('vars').querySelectorAll('tr[data-name]')) (tr as HTMLElement).onclick = () => void open((tr as HTMLElement).dataset.name!);
}
async function open(expr: string) {
  current = expr;
  $('viewname').textContent = expr;
  $('chart').innerHTML = '';
  grid = new Grid($('grid'), (from, n) => api.slice(current, from, n));
  let asc = true;
  grid.onSort = col => { current = `${asc ? 'xasc' : 'xdesc'}[\`${col};0!${expr}]`; asc = !asc; void grid!.load(); };
  await grid.load();
}
$('csv').onclick = async () => {
  if (!current) return;
  const s = await api.slice(current, 0, 10_000_000);
  const q = (c: string) => /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
  const blob = new Blob([[s.cols.join(','), ...s.rows.map(r => r.map(q).join(','))].join('\n') + '\n'], { type: 'text/csv' });
  const a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = `${current.replace(/\W+/g, '_') || 'result'}.csv`; a.click();
};
const plot = async (bars: boolean) => { if (!current) return; const s = await api.series(current); if (s) chart($('chart'), s, bars); };
$('line-chart').onclick = () => void plot(false);
$('bar-chart').onclick = () => void plot(true);

// ---- files: drop a CSV (or a kdb+ data file) onto the page or pick one; it is kept for 0: and get, and
// loaded as a table in one click ----
async function addFile(f: File) {
  await api.putFile(f.name, new Uint8Array(await f.arrayBuffer()));
  append([await (/\.(csv|txt)$/i.test(f.name) ? api.loadCsv(f.name) : api.loadKdb(f.name))]);
  await refreshVars();
}
$('file').addEventListener('change', e => { for (const f of (e.target as HTMLInputElement).files ?? []) void addFile(f); });
document.addEventListener('dragover', e => { e.preventDefault(); document.body.classList.add('dragging'); });
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', e => { e.preventDefault(); document.body.classList.remove('dragging'); for (const f of e.dataTransfer?.files ?? []) void addFile(f); });
$('kdb').onclick = async () => {
  if (!current) return;
  const b = await api.serialized(current);
  if (!b) return;
  const a = document.createElement('a'); a.href = URL.createObjectURL(new Blob([b as Uint8Array<ArrayBuffer>])); a.download = `${current.replace(/\W+/g, '_') || 'result'}.kdb`; a.click();
};

/** Served by a wasq server, a first visit (nothing saved in the editor) opens and runs the script the
 *  server started on, so `npm start` gives the page trade.q's tables as it gives them to the port. A
 *  static host has no script.q, and the page starts empty. */
async function openServerScript() {
  if (localStorage.getItem('wasq.editor') !== null) return;
  const r = await fetch('script.q').catch(() => null);
  if (!r?.ok || !r.headers.get('X-Wasq-Script')) return;
  const text = await r.text();
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  append([{ input: '', text: `/ ${decodeURIComponent(r.headers.get('X-Wasq-Script')!)}, the script the server started on`, error: false }]);
  await run(text);
}
void api.ready().then(refreshVars).then(openServerScript).then(() => { status.textContent = 'ready'; document.body.dataset.ready = '1'; });
if (remoteUrl.value) void connect(remoteUrl.value).catch(() => {});
// for automation (the browser tests and the benchmark): run q in the worker and get its outputs back
Object.assign(globalThis, { wasq: { open, run, grid: () => grid, evaluate: (src: string) => api.run(src), kernels: () => api.kernels() } });
