// Households: the outline of the members' padded boxes joined by necks.
import type { Genogram } from '../types';
import { boundsOf, boxesOverlap, inflate, round1, segmentHitsBox, type Box, type Point } from './geometry';
import { type GenogramLayout, type HouseholdLayout, type PersonLayout } from './types';

// ---------- households: the outline of the members' padded boxes joined by necks ----------

export function shapeHouseholds(genogram: Genogram, layout: GenogramLayout): HouseholdLayout[] {
  const out: HouseholdLayout[] = [];
  (genogram.households ?? []).forEach((household, index) => {
    const members = [...new Set(household.members ?? [])].map((k) => layout.byKey.get(k)).filter((p): p is PersonLayout => p !== undefined);
    if (!members.length) return;
    const memberSet = new Set(members.map((m) => m.key));
    const pad = 7 + index * 5;
    const neck = 12 + index * 2;
    const outsiders = layout.people.filter((p) => !memberSet.has(p.key)).map((p) => inflate(p.symbol, 2));
    const blobs = members.map((m) => {
      const parts: Box[] = [m.symbol];
      if (m.name) parts.push(m.name);
      if (m.born) parts.push(m.born);
      if (m.died) parts.push(m.died);
      const b = boundsOf(parts.flatMap((p) => [{ x: p.x, y: p.y }, { x: p.x + p.width, y: p.y + p.height }]));
      // As much padding as the neighbours allow: the outline never reaches over someone who does not live here.
      let grown = inflate(b, pad);
      for (let room = pad - 1; room >= 1 && outsiders.some((o) => boxesOverlap(grown, o)); room--) grown = inflate(b, room);
      return grown;
    });
    const others = outsiders;
    const otherLabels = layout.labels.filter((l) => l.kind === 'name' && !memberSet.has(l.owner)).map((l) => inflate(l, 2));
    const hitsOthers = (path: Point[]): number => {
      let hits = 0;
      const bb = inflate(boundsOf(path), 8);
      for (const o of [...others, ...otherLabels]) {
        if (!boxesOverlap(bb, o)) continue;
        for (let i = 1; i < path.length; i++) if (segmentHitsBox(path[i - 1]!, path[i]!, inflate(o, neck + 2))) {
          hits++;
          break;
        }
      }
      return hits;
    };
    const centre = (m: PersonLayout): Point => ({ x: m.cx, y: m.cy });
    const candidates = (i: number, j: number): Array<{ path: Point[]; cost: number }> => {
      const a = members[i]!;
      const b = members[j]!;
      const straight = [centre(a), centre(b)];
      const length = (ps: Point[]): number => ps.slice(1).reduce((s, p, k) => s + Math.hypot(p.x - ps[k]!.x, p.y - ps[k]!.y), 0);
      const list = [{ path: straight, cost: length(straight) + 10000 * hitsOthers(straight) }];
      if (list[0]!.cost >= 10000) {
        const below = Math.max(blobs[i]!.y + blobs[i]!.height, blobs[j]!.y + blobs[j]!.height) - pad;
        const above = Math.min(blobs[i]!.y, blobs[j]!.y) + pad;
        for (const yy of [below, above]) {
          const path = [centre(a), { x: a.cx, y: yy }, { x: b.cx, y: yy }, centre(b)];
          list.push({ path, cost: length(path) + 10000 * hitsOthers(path) + 20 });
        }
      }
      return list;
    };
    // Prim's minimum spanning tree over the members.
    const connectors: Point[][] = [];
    const bridges: Box[] = [];
    const inTree = new Set<number>([0]);
    const cache = new Map<string, { path: Point[]; cost: number }>();
    const bestPath = (i: number, j: number): { path: Point[]; cost: number } => {
      const key = `${Math.min(i, j)}:${Math.max(i, j)}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = candidates(i, j).sort((x, y) => x.cost - y.cost)[0]!;
        cache.set(key, hit);
      }
      return hit;
    };
    while (inTree.size < members.length) {
      let best: { i: number; j: number; cost: number } | undefined;
      for (const i of inTree) for (let j = 0; j < members.length; j++) {
        if (inTree.has(j)) continue;
        // Cheap lower bound first.
        const d = Math.hypot(members[i]!.cx - members[j]!.cx, members[i]!.cy - members[j]!.cy);
        if (best && d >= best.cost) continue;
        const c = bestPath(i, j).cost;
        if (!best || c < best.cost) best = { i, j, cost: c };
      }
      if (!best) break;
      inTree.add(best.j);
      // No way round someone else: this member gets an outline of their own, in the household's colour.
      if (best.cost >= 10000) continue;
      const path = bestPath(best.i, best.j).path;
      const a = members[best.i]!;
      const b = members[best.j]!;
      if (path.length === 2 && a.row === b.row) {
        // Neighbours on a row: fill the whole gap between their boxes.
        const [l, r] = a.cx <= b.cx ? [blobs[best.i]!, blobs[best.j]!] : [blobs[best.j]!, blobs[best.i]!];
        const y1 = Math.max(l.y, r.y);
        const y2 = Math.min(l.y + l.height, r.y + r.height);
        const x1 = l.x + l.width - 14;
        const x2 = r.x + 14;
        if (y2 - y1 > 20 && x2 > x1) {
          bridges.push({ x: round1(x1), y: round1(y1), width: round1(x2 - x1), height: round1(y2 - y1) });
          continue;
        }
      }
      connectors.push(path.map((p) => ({ x: round1(p.x), y: round1(p.y) })));
    }
    out.push({ household, index, blobs: blobs.map((b) => ({ x: round1(b.x), y: round1(b.y), width: round1(b.width), height: round1(b.height) })), bridges, connectors, neck });
  });
  // Larger outlines first, so nested ones stay visible.
  return out.sort((a, b) => b.index - a.index);
}
