// What must hold on every genogram layout so that a reader cannot take the wrong parents from it, checked on the
// layout model (the audit checks the drawing). Each finding is a sentence; an empty list means all is well.
import { segmentHitsBox, type Box, type GenogramLayout, type Point } from '../../../src/core/genogram/layout';
import type { Genogram } from '../../../src/core/genogram/types';

const shrink = (b: Box, d: number): Box => ({ x: b.x + d, y: b.y + d, width: b.width - 2 * d, height: b.height - 2 * d });

function birthYear(genogram: Genogram, key: string, caseYear: number): number | undefined {
  const p = genogram.people.find((q) => q.key === key);
  if (!p) return undefined;
  if (p.born !== undefined) return p.born;
  if (p.age !== undefined) return caseYear - p.age;
  return undefined;
}

/** People (not `ends`) whose symbol the polyline passes through. */
function through(layout: GenogramLayout, path: Point[], ends: Set<string>): string[] {
  const hit: string[] = [];
  for (const p of layout.people) {
    if (ends.has(p.key)) continue;
    const box = shrink(p.symbol, 2);
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1]!;
      const b = path[i]!;
      if (Math.hypot(b.x - a.x, b.y - a.y) < 0.01) continue;
      if (segmentHitsBox(a, b, box)) {
        hit.push(p.key);
        break;
      }
    }
  }
  return hit;
}

export function kinshipProblems(genogram: Genogram, layout: GenogramLayout): string[] {
  const problems: string[] = [];
  const partnersOf = new Map<string, Set<string>>();
  for (const u of layout.unions) {
    const [a, b] = u.partners;
    for (const [x, y] of [[a, b], [b, a]] as const) partnersOf.set(x, (partnersOf.get(x) ?? new Set()).add(y));
  }
  let caseYear = 0;
  for (const p of genogram.people) caseYear = Math.max(caseYear, p.born ?? 0, p.died ?? 0);
  caseYear = caseYear > 0 ? caseYear + 1 : 2025;
  const twinGroup = new Map<string, string>();
  for (const c of genogram.children) if (c.twin) twinGroup.set(c.child, c.twin.group);

  for (const s of layout.sibships) {
    if (s.secondary) continue;
    const kids = s.children.map((k) => layout.byKey.get(k)).filter((p) => p !== undefined);
    // Contiguous: on each row, nobody between the outermost children but siblings and their partners.
    for (const row of new Set(kids.map((k) => k.row))) {
      const onRow = kids.filter((k) => k.row === row);
      if (onRow.length < 2) continue;
      const lo = Math.min(...onRow.map((k) => k.cx));
      const hi = Math.max(...onRow.map((k) => k.cx));
      const names = new Set(onRow.map((k) => k.key));
      for (const p of layout.people) {
        if (p.row !== row || names.has(p.key) || p.cx <= lo || p.cx >= hi) continue;
        if (![...(partnersOf.get(p.key) ?? [])].some((q) => names.has(q))) problems.push(`${p.key} stands among the children of ${s.parents.join(' + ')}`);
      }
      // Nobody at all between twins.
      const groups = new Map<string, number[]>();
      for (const k of onRow) {
        const g = twinGroup.get(k.key);
        if (g) groups.set(g, [...(groups.get(g) ?? []), k.cx]);
      }
      for (const [g, xs] of groups) {
        const a = Math.min(...xs);
        const b = Math.max(...xs);
        for (const p of layout.people) if (p.row === row && p.cx > a && p.cx < b && twinGroup.get(p.key) !== g) problems.push(`${p.key} stands between twins ${g}`);
      }
    }
    // Birth order, oldest on the left, where the years are known; a sibling may stand at the end of the sibship
    // out of order to be beside a partner from outside it (a cousin marriage: couple line beats birth order).
    const beside = (key: string): boolean => {
      const p = layout.byKey.get(key)!;
      const row = layout.rows[p.row]!.keys;
      const i = row.indexOf(key);
      return [row[i - 1], row[i + 1]].some((q) => q !== undefined && !s.children.includes(q) && (partnersOf.get(key)?.has(q) ?? false));
    };
    const known = kids.filter((k) => !beside(k.key)).map((k) => ({ k, year: birthYear(genogram, k.key, caseYear) })).filter((e) => e.year !== undefined);
    for (let i = 0; i < known.length; i++) for (let j = 0; j < known.length; j++) {
      const a = known[i]!;
      const b = known[j]!;
      if (a.k.row === b.k.row && a.year! < b.year! && a.k.cx > b.k.cx) problems.push(`${a.k.key} is older than ${b.k.key} but stands to the right`);
    }
    // Kinship lines through nobody but their ends.
    const ends = new Set([...s.parents, ...s.children]);
    for (const key of through(layout, s.stem, ends)) problems.push(`the stem of ${s.parents.join(' + ')} passes through ${key}`);
    if (s.bar) for (const key of through(layout, [{ x: s.bar.x1, y: s.bar.y }, { x: s.bar.x2, y: s.bar.y }], ends)) problems.push(`the bar of ${s.parents.join(' + ')} passes through ${key}`);
  }
  for (const c of layout.childLines) for (const key of through(layout, c.path, new Set([c.child]))) problems.push(`the line to ${c.child} passes through ${key}`);
  for (const u of layout.unions) for (const key of through(layout, u.path, new Set(u.partners))) problems.push(`the couple line ${u.partners.join(' + ')} passes through ${key}`);
  for (const r of layout.relationships) {
    for (const key of through(layout, r.points, new Set([r.relationship.from, r.relationship.to]))) problems.push(`the ${r.relationship.kind} line ${r.relationship.from}–${r.relationship.to} passes through ${key}`);
  }
  // A household's outline holds its members only: no one else's symbol inside or under any part of it.
  for (const h of layout.households) {
    const members = new Set(h.household.members);
    const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const p of layout.people) {
      if (members.has(p.key)) continue;
      const box = shrink(p.symbol, 1);
      const inBox = [...h.blobs, ...h.bridges].some((b) => overlaps(b, box));
      const grown: Box = { x: box.x - h.neck, y: box.y - h.neck, width: box.width + 2 * h.neck, height: box.height + 2 * h.neck };
      const inNeck = h.connectors.some((c) => c.some((_, i) => i > 0 && segmentHitsBox(c[i - 1]!, c[i]!, grown)));
      if (inBox || inNeck) problems.push(`${p.key} stands inside the household of ${[...members].join(', ')}`);
    }
  }
  // Bars of different sibships at least 12 px apart where they run side by side.
  const bars = layout.sibships.filter((s) => s.bar);
  for (let i = 0; i < bars.length; i++) for (let j = i + 1; j < bars.length; j++) {
    const a = bars[i]!.bar!;
    const b = bars[j]!.bar!;
    const overlap = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
    if (overlap > 6 && Math.abs(a.y - b.y) > 0.5 && Math.abs(a.y - b.y) < 12) problems.push(`the bars of ${bars[i]!.parents.join(' + ')} and ${bars[j]!.parents.join(' + ')} run ${Math.abs(a.y - b.y)} px apart`);
  }
  return problems;
}

/** Kinship lines as segments, each tagged with the element it belongs to (a couple, a sibship's stem and bar, a child line). */
function kinshipSegments(layout: GenogramLayout): Array<{ owner: string; a: Point; b: Point }> {
  const segments: Array<{ owner: string; a: Point; b: Point }> = [];
  const add = (owner: string, path: Point[]) => {
    for (let i = 1; i < path.length; i++) segments.push({ owner, a: path[i - 1]!, b: path[i]! });
  };
  layout.unions.forEach((u, i) => add(`union ${i}`, u.path));
  layout.sibships.forEach((s, i) => {
    add(`sibship ${i}`, s.stem);
    if (s.bar) add(`sibship ${i}`, [{ x: s.bar.x1, y: s.bar.y }, { x: s.bar.x2, y: s.bar.y }]);
  });
  layout.childLines.forEach((c, i) => add(`child line ${i}`, c.path));
  return segments;
}

/**
 * Crossings of kinship lines of different elements, counted on the layout model: two segments meeting at a point
 * more than 2 px from every end of both (a line ending on another, as a child line on its bar, is a junction).
 */
export function kinshipCrossings(layout: GenogramLayout): number {
  const segments = kinshipSegments(layout);
  const near = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y) <= 2;
  let crossings = 0;
  for (let i = 0; i < segments.length; i++) for (let j = i + 1; j < segments.length; j++) {
    const s = segments[i]!;
    const t = segments[j]!;
    if (s.owner === t.owner) continue;
    const d = (s.b.x - s.a.x) * (t.b.y - t.a.y) - (s.b.y - s.a.y) * (t.b.x - t.a.x);
    if (Math.abs(d) < 1e-9) continue;
    const u = ((t.a.x - s.a.x) * (t.b.y - t.a.y) - (t.a.y - s.a.y) * (t.b.x - t.a.x)) / d;
    const v = ((t.a.x - s.a.x) * (s.b.y - s.a.y) - (t.a.y - s.a.y) * (s.b.x - s.a.x)) / d;
    if (u < 0 || u > 1 || v < 0 || v > 1) continue;
    const at = { x: s.a.x + u * (s.b.x - s.a.x), y: s.a.y + u * (s.b.y - s.a.y) };
    if ([s.a, s.b, t.a, t.b].some((p) => near(p, at))) continue;
    crossings++;
  }
  return crossings;
}
