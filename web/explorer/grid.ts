// A virtual-scrolling grid: only the rows in view exist in the DOM, fetched from the worker in slices,
// so a table of ten million rows scrolls as smoothly as one of ten.
export type Fetch = (from: number, n: number) => Promise<{ cols: string[]; keys: number; total: number; rows: string[][] }>;

const ROW = 22, SLICE = 200;
/** Browsers cap an element's height (Chrome near 33 million px): beyond this the scroll bar is scaled. */
const MAX_HEIGHT = 8_000_000;

export class Grid {
  private cache = new Map<number, string[][]>();
  private cols: string[] = [];
  private keys = 0;
  total = 0;
  private body: HTMLDivElement;
  private spacer: HTMLDivElement;
  private head: HTMLDivElement;
  onSort: ((col: string) => void) | null = null;

  constructor(private host: HTMLElement, private fetch: Fetch) {
    host.innerHTML = '';
    host.classList.add('grid');
    this.head = document.createElement('div'); this.head.className = 'grid-head';
    this.body = document.createElement('div'); this.body.className = 'grid-body';
    this.spacer = document.createElement('div'); this.spacer.className = 'grid-spacer';
    this.body.append(this.spacer);
    host.append(this.head, this.body);
    this.body.addEventListener('scroll', () => void this.render());
  }

  async load() {
    this.cache.clear();
    const first = await this.fetch(0, SLICE);
    this.cols = first.cols; this.keys = first.keys; this.total = first.total;
    this.cache.set(0, first.rows);
    this.head.innerHTML = '';
    this.cols.forEach((c, j) => {
      const h = document.createElement('span');
      h.textContent = c; h.className = j < this.keys ? 'key' : '';
      h.onclick = () => this.onSort?.(c);
      this.head.append(h);
    });
    this.spacer.style.height = `${Math.min(this.total * ROW, MAX_HEIGHT)}px`;
    await this.render();
  }

  private async rows(from: number, n: number): Promise<string[][]> {
    const out: string[][] = [];
    for (let s = Math.floor(from / SLICE) * SLICE; s < from + n; s += SLICE) {
      let part = this.cache.get(s);
      if (!part) { part = (await this.fetch(s, SLICE)).rows; this.cache.set(s, part); }
      for (let i = 0; i < part.length; i++) if (s + i >= from && s + i < from + n) out.push(part[i]);
    }
    return out;
  }

  private get scaled() { return this.total * ROW > MAX_HEIGHT; }
  private visible() { return Math.ceil((this.body.clientHeight || 400) / ROW); }
  /** The first row in view for a scroll position (proportional once the scroll bar is scaled). */
  private firstRow(top: number): number {
    if (!this.scaled) return Math.floor(top / ROW);
    const range = Math.max(1, MAX_HEIGHT - this.body.clientHeight);
    return Math.round(top / range * Math.max(0, this.total - this.visible()));
  }
  /** Scroll so that row r is in view (and rendered). */
  async scrollTo(r: number) {
    const first = Math.max(0, r - this.visible() + 1);
    this.body.scrollTop = this.scaled ? first / Math.max(1, this.total - this.visible()) * (MAX_HEIGHT - this.body.clientHeight) : first * ROW;
    await this.render();
  }

  private seq = 0;
  private async render() {
    const top = this.body.scrollTop;
    const first = this.firstRow(top);
    const from = Math.max(0, first - 5), n = this.visible() + 10;
    // only the latest render draws: an older one still waiting on its slice would duplicate rows
    const mine = ++this.seq;
    const rows = await this.rows(from, Math.min(n, this.total - from));
    if (mine !== this.seq) return;
    for (const el of [...this.body.querySelectorAll('.grid-row')]) el.remove();
    rows.forEach((cells, i) => {
      const row = document.createElement('div');
      // rows sit at the scroll position, so the scaled scroll bar never needs their true offset
      row.className = 'grid-row'; row.style.top = `${top + (from + i - first) * ROW}px`; row.dataset.row = String(from + i);
      cells.forEach((c, j) => { const s = document.createElement('span'); s.textContent = c; if (j < this.keys) s.className = 'key'; row.append(s); });
      this.body.append(row);
    });
  }
}
