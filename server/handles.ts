// Connection handles, as kdb+ numbers them: small ints from 3 up (0, 1 and 2 are the console, stdout and
// stderr), the lowest free one first, shared by the connections the port accepts and those hopen makes.
export class Handles {
  private used = new Set<number>();
  alloc(): number {
    let h = 3;
    while (this.used.has(h)) h++;
    this.used.add(h);
    return h;
  }
  free(h: number) { this.used.delete(h); }
}
