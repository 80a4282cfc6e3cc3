// Points, boxes and the spatial index that line routing queries: no knowledge of genograms.

export interface Point {
  x: number;
  y: number;
}

/** A rectangle by its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

/** Does the segment p→q pass through the box (Liang–Barsky)? */
export function segmentHitsBox(p: Point, q: Point, box: Box): boolean {
  // Liang–Barsky, written out (no closures: this is the hot path of routing).
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const ps = [-dx, dx, -dy, dy];
  const qs = [p.x - box.x, box.x + box.width - p.x, p.y - box.y, box.y + box.height - p.y];
  for (let k = 0; k < 4; k++) {
    const pk = ps[k] as number;
    const qk = qs[k] as number;
    if (pk === 0) {
      if (qk < 0) return false;
      continue;
    }
    const t = qk / pk;
    if (pk < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return true;
}

export function inflate(b: Box, d: number): Box {
  return { x: b.x - d, y: b.y - d, width: b.width + 2 * d, height: b.height + 2 * d };
}

export function boundsOf(points: Point[]): Box {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  if (!Number.isFinite(x1)) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

export const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Boxes bucketed on a coarse grid, so a query looks only near where it is. */
export class BoxGrid<T> {
  private readonly cells = new Map<number, number[]>();
  readonly boxes: Box[] = [];
  readonly items: T[] = [];
  private stamp = new Uint32Array(64);
  private epoch = 1;
  /** Grid cells looked at so far: callers stop refining when a drawing is huge. */
  work = 0;
  constructor(private readonly size: number) {}
  private key(i: number, j: number): number {
    return (i + 4096) * 16384 + (j + 4096);
  }
  add(box: Box, item: T): void {
    const id = this.boxes.length;
    this.boxes.push(box);
    this.items.push(item);
    if (id >= this.stamp.length) {
      const bigger = new Uint32Array(this.stamp.length * 2);
      bigger.set(this.stamp);
      this.stamp = bigger;
    }
    for (let i = Math.floor(box.x / this.size); i <= Math.floor((box.x + box.width) / this.size); i++) {
      for (let j = Math.floor(box.y / this.size); j <= Math.floor((box.y + box.height) / this.size); j++) {
        const k = this.key(i, j);
        const list = this.cells.get(k);
        if (list) list.push(id);
        else this.cells.set(k, [id]);
      }
    }
  }
  /** Starts a query: entries are reported once until the next call. */
  reset(): void {
    this.epoch++;
  }
  /** Ids of entries not yet reported since reset() whose box meets the segment p→q, pushed onto `out`. */
  hits(p: Point, q: Point, out: number[], once = true): void {
    const x1 = Math.min(p.x, q.x);
    const x2 = Math.max(p.x, q.x);
    const y1 = Math.min(p.y, q.y);
    const y2 = Math.max(p.y, q.y);
    const i2 = Math.floor(x2 / this.size);
    const j2 = Math.floor(y2 / this.size);
    if (!once) this.epoch++;
    for (let i = Math.floor(x1 / this.size); i <= i2; i++) {
      for (let j = Math.floor(y1 / this.size); j <= j2; j++) {
        const list = this.cells.get(this.key(i, j));
        this.work++;
        if (!list) continue;
        for (const id of list) {
          this.work++;
          if (this.stamp[id] === this.epoch) continue;
          const b = this.boxes[id] as Box;
          if (b.x > x2 || b.x + b.width < x1 || b.y > y2 || b.y + b.height < y1) continue;
          if (!segmentHitsBox(p, q, b)) continue;
          this.stamp[id] = this.epoch;
          out.push(id);
        }
      }
    }
  }
}
