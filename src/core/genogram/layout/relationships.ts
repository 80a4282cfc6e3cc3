// Emotional and abuse lines: curves that go round other symbols, or the corridors between rows.
import type { Genogram, GenogramRelationship } from '../types';
import { BoxGrid, boundsOf, inflate, round1, type Point } from './geometry';
import { type GenogramLayout, type PersonLayout, type RelationshipLayout } from './types';

// ---------- emotional relationships: curves that go round other symbols ----------

export function quad(p0: Point, c: Point, p1: Point, steps: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const d = t * t;
    out.push({ x: a * p0.x + b * c.x + d * p1.x, y: a * p0.y + b * c.y + d * p1.y });
  }
  return out;
}

/** Where a ray from the centre towards `toward` leaves the symbol (a circle of the symbol's half-size, plus a gap). */
export function edgePoint(p: PersonLayout, toward: Point): Point {
  const dx = toward.x - p.cx;
  const dy = toward.y - p.cy;
  const len = Math.hypot(dx, dy) || 1;
  const r = p.half + (p.person.index ? 4 : 0) + 3;
  // Squares reach further along the diagonals.
  const k = p.shape === 'square' || p.shape === 'other' ? Math.min(1 / Math.max(Math.abs(dx / len), Math.abs(dy / len)), 1.42) : 1;
  return { x: p.cx + (dx / len) * r * k, y: p.cy + (dy / len) * r * k };
}

export function routeRelationships(genogram: Genogram, layout: GenogramLayout): RelationshipLayout[] {
  const out: RelationshipLayout[] = [];
  interface Obstacle {
    owner?: string;
    weight: number;
    symbol?: boolean;
  }
  const obstacles = new BoxGrid<Obstacle>(96);
  // Symbols padded by the widest pattern drawn along a line (fused-hostile's zigzag, a cut-off's bars).
  for (const p of layout.people) obstacles.add(inflate(p.symbol, RELATION_CLEARANCE), { owner: p.key, weight: 1000, symbol: true });
  for (const l of layout.labels) if (l.kind !== 'age') obstacles.add(inflate(l, 1), { weight: 400 });
  // Lines: running along one is bad, crossing one is fine.
  const lines = new BoxGrid<number>(96);
  const addLine = (a: Point, b: Point): void => lines.add(inflate(boundsOf([a, b]), 2), 0);
  for (const u of layout.unions) for (let i = 1; i < u.path.length; i++) addLine(u.path[i - 1]!, u.path[i]!);
  for (const c of layout.childLines) for (let i = 1; i < c.path.length; i++) addLine(c.path[i - 1]!, c.path[i]!);
  for (const s of layout.sibships) {
    for (let i = 1; i < s.stem.length; i++) addLine(s.stem[i - 1]!, s.stem[i]!);
    if (s.bar) addLine({ x: s.bar.x1, y: s.bar.y }, { x: s.bar.x2, y: s.bar.y });
  }
  const offsets = [0, 30, -30, 55, -55, 85, -85, 120, -120, 170, -170, 240, -240];
  const found: number[] = [];
  const rowSpans = rowSpansOf(layout);
  const along = new Map<number, number>();
  for (const rel of genogram.relationships ?? []) {
    const a = layout.byKey.get(rel.from);
    const b = layout.byKey.get(rel.to);
    if (!a || !b || a === b) continue;
    const ca = { x: a.cx, y: a.cy };
    const cb = { x: b.cx, y: b.cy };
    const dx = cb.x - ca.x;
    const dy = cb.y - ca.y;
    const len = Math.hypot(dx, dy) || 1;
    // Normal pointing up for a left-to-right pair.
    let nx = dy / len;
    let ny = -dx / len;
    if (ny > 0 || (ny === 0 && nx > 0)) {
      nx = -nx;
      ny = -ny;
    }
    let best: { cost: number; points: Point[] } | undefined;
    // A bounded amount of routing work per drawing: past it, lines take the first candidate (huge drawings only).
    const spent = obstacles.work + lines.work > 600_000;
    for (const h of spent ? [a.row === b.row ? 55 : 0] : offsets) {
      const control = { x: (ca.x + cb.x) / 2 + nx * h * 2, y: (ca.y + cb.y) / 2 + ny * h * 2 };
      const pts = quad(edgePoint(a, control), control, edgePoint(b, control), 16);
      let cost = Math.abs(h) + (h < 0 ? 1 : 0);
      const bbox = boundsOf(pts);
      // Never out of the picture.
      if (bbox.x < 4 || bbox.y < 4 || bbox.x + bbox.width > layout.width - 4 || bbox.y + bbox.height > layout.height - 4) cost += 5000;
      obstacles.reset();
      along.clear();
      for (let i = 1; i < pts.length && !spent; i++) {
        found.length = 0;
        obstacles.hits(pts[i - 1]!, pts[i]!, found);
        for (const id of found) {
          const o = obstacles.items[id] as Obstacle;
          if (o.symbol && (o.owner === rel.from || o.owner === rel.to)) continue;
          cost += o.weight;
        }
        const l = Math.hypot(pts[i]!.x - pts[i - 1]!.x, pts[i]!.y - pts[i - 1]!.y);
        found.length = 0;
        lines.hits(pts[i - 1]!, pts[i]!, found, false);
        for (const id of found) along.set(id, (along.get(id) ?? 0) + l);
      }
      for (const length of along.values()) if (length > 24) cost += 1500;
      if (!best || cost < best.cost) best = { cost, points: quad(edgePoint(a, control), control, edgePoint(b, control), 24).map((p) => ({ x: round1(p.x), y: round1(p.y) })) };
      if (cost < 300) break;
    }
    if (!best) continue;
    // A curve that still meets someone's symbol gives way to a route along the free corridors between rows.
    if (symbolHits(obstacles, best.points, rel) > 0) {
      const corridor = corridorRoute(layout, a, b, rowSpans);
      if (symbolHits(obstacles, corridor, rel) === 0) best = { cost: 0, points: corridor };
    }
    out.push({ relationship: rel, points: best.points });
    // Later lines go round this one too.
    for (let i = 4; i < best.points.length - 4; i += 4) obstacles.add(inflate(boundsOf([best.points[i]!, best.points[i + 1]!]), 3), { weight: 500 });
  }
  return out;
}

/** How far an emotional line keeps from other people's symbols. */
export const RELATION_CLEARANCE = 10;

export function symbolHits(obstacles: BoxGrid<{ owner?: string; symbol?: boolean }>, points: Point[], rel: GenogramRelationship): number {
  const found: number[] = [];
  obstacles.reset();
  for (let i = 1; i < points.length; i++) obstacles.hits(points[i - 1]!, points[i]!, found);
  return found.filter((id) => {
    const o = obstacles.items[id]!;
    return o.symbol && o.owner !== rel.from && o.owner !== rel.to;
  }).length;
}

/**
 * A route that cannot meet a symbol: up from the top of `a` (beside its own child line) into the corridor above
 * its row, along it to a column free of symbols on every row between, down that column to the corridor above
 * `b`'s row, and down into `b`.
 */
/** Each row's symbols as x spans padded by the clearance, sorted: where a vertical leg cannot go. */
export function rowSpansOf(layout: GenogramLayout): Array<Array<readonly [number, number]>> {
  const spans: Array<Array<readonly [number, number]>> = layout.rows.map(() => []);
  for (const p of layout.people) spans[p.row]?.push([p.symbol.x - RELATION_CLEARANCE, p.symbol.x + p.symbol.width + RELATION_CLEARANCE]);
  for (const row of spans) row.sort((m, n) => m[0] - n[0]);
  return spans;
}

export function corridorRoute(layout: GenogramLayout, a: PersonLayout, b: PersonLayout, rowSpans = rowSpansOf(layout)): Point[] {
  const corridor = (row: number): number => (layout.rows[row]?.top ?? a.cy - 40) - 6;
  const [upper, lower] = a.row <= b.row ? [a, b] : [b, a];
  const towards = (p: PersonLayout, other: PersonLayout): number => p.cx + (other.cx >= p.cx ? 1 : -1) * Math.min(11, p.half - 4);
  const topOf = (p: PersonLayout, x: number): Point => ({ x, y: p.symbol.y - 3 });
  const ua = towards(upper, lower);
  const lb = towards(lower, upper);
  const y1 = corridor(upper.row);
  const y2 = corridor(lower.row);
  let pts: Point[];
  if (upper.row === lower.row) pts = [topOf(upper, ua), { x: ua, y: y1 }, { x: lb, y: y1 }, topOf(lower, lb)];
  else {
    // Free stretches of x on the rows the column crosses: from the upper row down to the one above the lower.
    let free: Array<[number, number]> = [[4, layout.width - 4]];
    for (let r = upper.row; r < lower.row; r++) {
      const boxes = rowSpans[r] ?? [];
      free = free.flatMap(([x1, x2]) => {
        const out: Array<[number, number]> = [];
        let start = x1;
        for (const [b1, b2] of boxes) {
          if (b2 <= start || b1 >= x2) continue;
          if (b1 > start) out.push([start, b1]);
          start = Math.max(start, b2);
        }
        if (start < x2) out.push([start, x2]);
        return out;
      });
    }
    const want = (ua + lb) / 2;
    let column = free.length ? want : 4;
    let bestDistance = Infinity;
    for (const [x1, x2] of free) {
      if (x2 - x1 < 2) continue;
      const x = Math.min(Math.max(want, x1 + 1), x2 - 1);
      const d = Math.abs(x - want);
      if (d < bestDistance) {
        bestDistance = d;
        column = x;
      }
    }
    pts = [topOf(upper, ua), { x: ua, y: y1 }, { x: column, y: y1 }, { x: column, y: y2 }, { x: lb, y: y2 }, topOf(lower, lb)];
  }
  if (upper !== a) pts.reverse();
  // Corners, plus two points near each end so that arrowheads point along the first and last legs.
  const near = (from: Point, to: Point, d: number): Point => {
    const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    const k = Math.min(d, len / 3) / len;
    return { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k };
  };
  const [p0, p1] = [pts[0]!, pts[1]!];
  const [q1, q0] = [pts[pts.length - 2]!, pts[pts.length - 1]!];
  const dense = [p0, near(p0, p1, 6), near(p0, p1, 12), ...pts.slice(1, -1), near(q0, q1, 12), near(q0, q1, 6), q0];
  const out: Point[] = [];
  for (const p of dense) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(last.x - p.x, last.y - p.y) > 0.05) out.push({ x: round1(p.x), y: round1(p.y) });
  }
  return out;
}
