// A virtual-scrolling grid: only the rows in view exist in the DOM, fetched from the worker in slices,
// so a table of ten million rows scrolls as smoothly as one of ten.
export type Fetch = (from: number, n: number) => Promise<{ cols: string[]; keys: number; total: number; rows: string[][] }>;

const ROW = 22, SLICE = 200;

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
    this.spacer.style.height = `${this.total * ROW}px`;
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

  /** Scroll so that row r is in view (and rendered). */
  async scrollTo(r: number) { this.body.scrollTop = Math.max(0, r * ROW - this.body.clientHeight + ROW); await this.render(); }

  private seq = 0;
  private async render() {
    const top = this.body.scrollTop, h = this.body.clientHeight || 400;
    const from = Math.max(0, Math.floor(top / ROW) - 5), n = Math.ceil(h / ROW) + 10;
    // only the latest render draws: an older one still waiting on its slice would duplicate rows
    const mine = ++this.seq;
    const rows = await this.rows(from, Math.min(n, this.total - from));
    if (mine !== this.seq) return;
    for (const el of [...this.body.querySelectorAll('.grid-row')]) el.remove();
    rows.forEach((cells, i) => {
      const row = document.createElement('div');
      row.className = 'grid-row'; row.style.top = `${(from + i) * ROW}px`; row.dataset.row = String(from + i);
      cells.forEach((c, j) => { const s = document.createElement('span'); s.textContent = c; if (j < this.keys) s.className = 'key'; row.append(s); });
      this.body.append(row);
    });
  }
}
