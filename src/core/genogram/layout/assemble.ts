// The whole layout: rows and tracks for bars and low couple lines, then people, couple lines, sibships and
// child lines in final coordinates; emotional lines and households are routed last, around all of it.
import type { Genogram, GenogramPerson, UnionType } from '../types';
import { round1, type Point } from './geometry';
import { assignGenerations, buildUnits, type Unit } from './generations';
import { shapeHouseholds } from './households';
import { HALF, MARGIN, buildModel, type ChildRec, type SecRec, type SibRec, type UnionRec } from './model';
import { orderRows, repairRows, sibParents, type Ctx } from './ordering';
import { footprint, place, unionLabelLines, type Footprint } from './placement';
import { routeRelationships } from './relationships';
import { FONT, LINE_HEIGHT, textWidth } from './text';
import { type ChildLineLayout, type GenogramLayout, type Label, type LayoutOptions, type PersonLayout, type SibshipLayout, type UnionLayout } from './types';

// ---------- the whole layout ----------

export interface Interval {
  x1: number;
  x2: number;
  track: number;
}

export function assignTracks(items: Interval[], gap: number): number {
  const ends: number[] = [];
  const sorted = [...items].sort((a, b) => a.x1 - b.x1 || a.x2 - b.x2);
  for (const it of sorted) {
    let t = ends.findIndex((end) => end + gap <= it.x1);
    if (t === -1) {
      t = ends.length;
      ends.push(it.x2);
    } else ends[t] = it.x2;
    it.track = t;
  }
  return ends.length;
}

export function layoutGenogram(genogram: Genogram, options: LayoutOptions = {}): GenogramLayout {
  const model = buildModel(genogram, options);
  const { units, unitOf } = buildUnits(model);
  assignGenerations(model, units, unitOf);
  const R = units.reduce((m, u) => Math.max(m, u.gen + 1), 0);
  const rows: number[][] = Array.from({ length: R }, () => []);
  // Initial order: by first declaration.
  const firstDecl = (u: Unit): number => Math.min(...u.members.map((m) => model.decl.get(m) ?? 0));
  [...units].sort((a, b) => firstDecl(a) - firstDecl(b)).forEach((u) => rows[u.gen]!.push(u.id));
  const parentSibs = new Map<string, SibRec[]>();
  for (const sib of model.sibships) for (const p of sibParents(sib)) {
    const list = parentSibs.get(p) ?? [];
    list.push(sib);
    parentSibs.set(p, list);
  }
  // Groups: units on a row joined by a sibship they share.
  const groups = new Map<number, number>();
  const gfind = (u: number): number => {
    let r = u;
    while ((groups.get(r) ?? r) !== r) r = groups.get(r) as number;
    return r;
  };
  for (const u of units) groups.set(u.id, u.id);
  for (const sib of model.sibships) {
    let first: number | undefined;
    for (const c of sib.children) {
      const cu = unitOf.get(c.key);
      if (cu === undefined) continue;
      if (first === undefined) first = cu;
      else if (units[cu]!.gen === units[first]!.gen) {
        const a = gfind(first);
        const b = gfind(cu);
        if (a !== b) groups.set(Math.max(a, b), Math.min(a, b));
      }
    }
  }
  for (const u of units) groups.set(u.id, gfind(u.id));
  const ctx: Ctx = { model, units, unitOf, rows, pos: new Map(), parentSibs, groups };
  orderRows(ctx);
  repairRows(ctx);

  const prints = new Map<string, Footprint>();
  for (const k of model.keys) prints.set(k, footprint(model.people.get(k) as GenogramPerson, options.caseYear));
  const unionLabels = new Map<string, string[]>();
  for (const u of model.unions) unionLabels.set(u.id, unionLabelLines(u));
  const placement = place(ctx, prints, unionLabels);

  // x of each person, shifted to the margin.
  const xOf = new Map<string, number>();
  let minX = Infinity;
  let maxX = -Infinity;
  for (const row of ctx.rows) for (const u of row) {
    const unit = units[u]!;
    for (const m of unit.members) xOf.set(m, placement.ux[u]! + (placement.offsets.get(m) ?? 0));
    minX = Math.min(minX, placement.ux[u]! - placement.left[u]!);
    maxX = Math.max(maxX, placement.ux[u]! + placement.right[u]!);
  }
  if (!Number.isFinite(minX)) {
    minX = 0;
    maxX = 0;
  }
  const shift = MARGIN - minX;
  for (const [k, x] of xOf) xOf.set(k, round1(x + shift));
  const rowOf = (k: string): number => units[unitOf.get(k) ?? 0]?.gen ?? 0;

  // Which partners stand side by side.
  const indexInRow = new Map<string, number>();
  for (const row of ctx.rows) {
    let i = 0;
    for (const u of row) for (const m of units[u]!.members) indexInRow.set(m, i++);
  }
  const adjacent = (u: UnionRec): boolean => rowOf(u.a) === rowOf(u.b) && Math.abs((indexInRow.get(u.a) ?? 0) - (indexInRow.get(u.b) ?? 0)) === 1;

  // Tracks in the band below each row: unions drawn below the row first, then bars and other child lines.
  const maxLines = new Array<number>(R).fill(1);
  for (const k of model.keys) maxLines[rowOf(k)] = Math.max(maxLines[rowOf(k)] ?? 1, prints.get(k)!.nameLines.length);
  const lowUnions = new Map<number, Array<Interval & { u: UnionRec; labelled: boolean }>>();
  for (const u of model.unions) {
    if (adjacent(u) || rowOf(u.a) !== rowOf(u.b)) continue;
    const xa = xOf.get(u.a) ?? 0;
    const xb = xOf.get(u.b) ?? 0;
    const label = unionLabels.get(u.id) ?? [];
    const w = Math.max(0, ...label.map((l) => textWidth(l, FONT.union)));
    const mid = (xa + xb) / 2;
    const list = lowUnions.get(rowOf(u.a)) ?? [];
    list.push({ x1: Math.min(xa, xb, mid - w / 2), x2: Math.max(xa, xb, mid + w / 2), track: 0, u, labelled: label.length > 0 });
    lowUnions.set(rowOf(u.a), list);
  }
  const dropX = (sib: SibRec): number => {
    const holder = sib.union ? sib.union.a : (sib.parent as string);
    const hu = unitOf.get(holder) ?? 0;
    if (sib.union && unitOf.get(sib.union.b) !== hu) return ((xOf.get(sib.union.a) ?? 0) + (xOf.get(sib.union.b) ?? 0)) / 2;
    return round1(placement.ux[hu]! + shift + (placement.dropOffset.get(sib.id) ?? 0));
  };
  // Bars live in the band above the highest child's row.
  interface BarItem extends Interval {
    sib?: SibRec;
    secs?: SecRec[];
  }
  const bars = new Map<number, BarItem[]>();
  const twinFork = (sib: SibRec, c: ChildRec): number => {
    if (!c.twin) return xOf.get(c.key) ?? 0;
    const xs = sib.children.filter((o) => o.twin?.group === c.twin?.group).map((o) => xOf.get(o.key) ?? 0);
    return xs.reduce((s, x) => s + x, 0) / xs.length;
  };
  for (const sib of model.sibships) {
    if (!sib.children.length) continue;
    const band = Math.min(...sib.children.map((c) => rowOf(c.key)));
    const d = dropX(sib);
    const xs = [d, ...sib.children.map((c) => twinFork(sib, c))];
    const list = bars.get(band) ?? [];
    list.push({ x1: Math.min(...xs), x2: Math.max(...xs), track: 0, sib });
    bars.set(band, list);
  }
  const secDrop = (s: SecRec): number => (s.union ? ((xOf.get(s.union.a) ?? 0) + (xOf.get(s.union.b) ?? 0)) / 2 : (xOf.get(s.parent as string) ?? 0));
  // Other links (step, adoptive, foster) from one source to one row share one bar; their lines reach the
  // child just beside its birth line.
  const secGroups = new Map<string, { band: number; secs: SecRec[] }>();
  for (const s of model.secondary) {
    const band = rowOf(s.child);
    // One bar per birth sibship: a shared bar would run over the source's own children standing between them.
    const key = `${s.union ? s.union.id : `p:${s.parent}`}|${s.kind}|${band}|${model.sibOf.get(s.child)?.id ?? s.child}`;
    const group = secGroups.get(key) ?? { band, secs: [] };
    group.secs.push(s);
    secGroups.set(key, group);
  }
  const secOffset = (s: SecRec): number => {
    const x = xOf.get(s.child) ?? 0;
    const half = prints.get(s.child)?.half ?? HALF;
    return (secDrop(s) >= x ? 1 : -1) * Math.max(3, Math.min(8, half - 5));
  };
  for (const { band, secs } of secGroups.values()) {
    const d = secDrop(secs[0] as SecRec);
    const xs = [d, ...secs.map((s) => (xOf.get(s.child) ?? 0) + secOffset(s))];
    const list = bars.get(band) ?? [];
    list.push({ x1: Math.min(...xs), x2: Math.max(...xs), track: 0, secs });
    bars.set(band, list);
  }

  // Vertical positions.
  const rowsOut: GenogramLayout['rows'] = [];
  const YEAR_BAND = 18;
  const LOW_TRACK = 13;
  const LOW_LABELLED = 24;
  const BAR_TRACK = 13;
  let y = MARGIN;
  const lowTrackY = new Map<string, number>();
  const barY = new Map<BarItem, number>();
  const rowCy: number[] = [];
  for (let r = 0; r < R; r++) {
    // The band above this row holds the bars of its children's sibships.
    const barItems = bars.get(r) ?? [];
    if (r > 0 || barItems.length) {
      const tracks = assignTracks(barItems, 10);
      const start = y + 8;
      for (const it of barItems) barY.set(it, start + it.track * BAR_TRACK);
      y = start + Math.max(0, tracks - 1) * BAR_TRACK + 10;
    }
    const top = y;
    const cy = top + YEAR_BAND + HALF + 4;
    rowCy[r] = cy;
    const bottom = cy + HALF + 5 + maxLines[r]! * LINE_HEIGHT;
    y = bottom + 6;
    const lows = lowUnions.get(r) ?? [];
    if (lows.length) {
      assignTracks(lows, 12);
      const byTrack = new Map<number, boolean>();
      for (const l of lows) byTrack.set(l.track, (byTrack.get(l.track) ?? false) || l.labelled);
      const trackTop: number[] = [];
      let ty = y;
      for (let t = 0; t < byTrack.size; t++) {
        ty += byTrack.get(t) ? LOW_LABELLED : LOW_TRACK;
        trackTop[t] = ty;
      }
      for (const l of lows) lowTrackY.set(l.u.id, trackTop[l.track] as number);
      y = ty + 4;
    }
    rowsOut.push({ top, cy, bottom, keys: ctx.rows[r]!.flatMap((u) => units[u]!.members) });
    y += 16;
  }
  const height = Math.max(y - 16 + MARGIN, 2 * MARGIN);
  const width = Math.max(maxX - minX + 2 * MARGIN, 2 * MARGIN);

  // People.
  const peopleOut: PersonLayout[] = [];
  const byKey = new Map<string, PersonLayout>();
  const labels: Label[] = [];
  for (let r = 0; r < R; r++) {
    for (const u of ctx.rows[r]!) for (const k of units[u]!.members) {
      const person = model.people.get(k) as GenogramPerson;
      const f = prints.get(k) as Footprint;
      const cx = xOf.get(k) ?? 0;
      const cy = rowCy[r] as number;
      const outline = person.index ? 4 : 0;
      const half = f.half + outline;
      const out: PersonLayout = { key: k, person, row: r, cx, cy, half: f.half, shape: f.shape, symbol: { x: cx - half, y: cy - half, width: 2 * half, height: 2 * half } };
      if (f.nameLines.length) {
        const top = cy + HALF + 5;
        out.name = { kind: 'name', lines: f.nameLines, anchor: 'middle', tx: cx, ty: top + FONT.name, fontSize: FONT.name, lineHeight: LINE_HEIGHT, owner: k, x: cx - f.nameWidth / 2, y: top, width: f.nameWidth, height: f.nameLines.length * LINE_HEIGHT };
        labels.push(out.name);
      }
      const yearBottom = cy - HALF - 5;
      if (f.born) {
        const w = textWidth(f.born, FONT.year);
        out.born = { kind: 'born', lines: [f.born], anchor: 'end', tx: cx - 2, ty: yearBottom - 2, fontSize: FONT.year, lineHeight: 12, owner: k, x: cx - 2 - w, y: yearBottom - 12, width: w, height: 12 };
        labels.push(out.born);
      }
      if (f.died) {
        const w = textWidth(f.died, FONT.year);
        out.died = { kind: 'died', lines: [f.died], anchor: 'start', tx: cx + 2, ty: yearBottom - 2, fontSize: FONT.year, lineHeight: 12, owner: k, x: cx + 2, y: yearBottom - 12, width: w, height: 12 };
        labels.push(out.died);
      }
      if (f.age) {
        const w = textWidth(f.age, FONT.age);
        out.age = { kind: 'age', lines: [f.age], anchor: 'middle', tx: cx, ty: cy + FONT.age * 0.36, fontSize: FONT.age, lineHeight: 14, owner: k, x: cx - w / 2, y: cy - 7, width: w, height: 14 };
      }
      peopleOut.push(out);
      byKey.set(k, out);
    }
  }

  // Unions.
  const unionsOut: UnionLayout[] = [];
  const unionById = new Map<string, UnionLayout>();
  for (const u of model.unions) {
    const pa = byKey.get(u.a);
    const pb = byKey.get(u.b);
    if (!pa || !pb) continue;
    const [l, r] = pa.cx <= pb.cx ? [pa, pb] : [pb, pa];
    const type: UnionType = u.source?.type ?? 'partners';
    const out: UnionLayout = { id: u.id, partners: [u.a, u.b], union: u.source, implicit: u.implicit, type, end: u.source?.end, adjacent: false, path: [], drop: { x: 0, y: 0 }, mark: { x: 0, y: 0 } };
    const lines = unionLabels.get(u.id) ?? [];
    const hasChildren = model.sibships.some((s) => s.union === u && s.children.length > 0) || model.secondary.some((s) => s.union === u);
    if (adjacent(u)) {
      out.adjacent = true;
      const x1 = l.cx + l.half;
      const x2 = r.cx - r.half;
      const yy = l.cy;
      out.path = [{ x: x1, y: yy }, { x: x2, y: yy }];
      const mid = round1((l.cx + r.cx) / 2);
      out.drop = { x: mid, y: yy };
      out.mark = { x: hasChildren ? round1(mid - Math.min(12, (x2 - x1) / 4)) : mid, y: yy };
      if (lines.length) {
        const w = Math.max(...lines.map((t) => textWidth(t, FONT.union)));
        const h = lines.length * 11;
        out.label = { kind: 'union', lines, anchor: 'middle', tx: mid, ty: yy - 7 - h + 9, fontSize: FONT.union, lineHeight: 11, owner: u.id, x: mid - w / 2, y: yy - 7 - h, width: w, height: h };
      }
    } else {
      // Not side by side (someone between them, or on other rows): a line below the row.
      const ly = lowTrackY.get(u.id) ?? Math.max(rowsOut[l.row]!.bottom, rowsOut[r.row]!.bottom) + 10;
      // The line leaves from the symbol itself, so that it plainly joins the two partners; the name's halo,
      // drawn above the lines, keeps the name readable where the line passes behind it.
      const ay = l.cy + l.half + (l.person.index ? 4 : 0);
      const by = r.cy + r.half + (r.person.index ? 4 : 0);
      out.path = [{ x: l.cx, y: ay }, { x: l.cx, y: ly }, { x: r.cx, y: ly }, { x: r.cx, y: by }];
      const mid = round1((l.cx + r.cx) / 2);
      out.drop = { x: mid, y: ly };
      out.mark = { x: hasChildren ? mid - 12 : mid, y: ly };
      if (lines.length) {
        const text = [lines.join(' ')];
        const w = textWidth(text[0] as string, FONT.union);
        out.label = { kind: 'union', lines: text, anchor: 'middle', tx: mid, ty: ly - 4, fontSize: FONT.union, lineHeight: 11, owner: u.id, x: mid - w / 2, y: ly - 13, width: w, height: 11 };
      }
    }
    if (out.label) labels.push(out.label);
    unionsOut.push(out);
    unionById.set(u.id, out);
  }

  // Sibships and child lines.
  const sibOut: SibshipLayout[] = [];
  const childLines: ChildLineLayout[] = [];
  const topOf = (k: string): number => {
    const p = byKey.get(k) as PersonLayout;
    return p.cy - p.half - (p.person.index ? 4 : 0);
  };
  /** The top edge of a symbol a little off its centre line. */
  const topAt = (k: string, dx: number): number => {
    const p = byKey.get(k) as PersonLayout;
    const h = p.half + (p.person.index ? 4 : 0);
    const a = Math.min(Math.abs(dx), h - 1);
    if (p.shape === 'circle' || p.shape === 'miscarriage') return round1(p.cy - Math.sqrt(h * h - a * a));
    if (p.shape === 'diamond') return round1(p.cy - (h * 1.12 - a));
    if (p.shape === 'triangle') return round1(p.cy - h + a * 1.6);
    return p.cy - h;
  };
  for (const items of bars.values()) {
    for (const it of items) {
      const by = barY.get(it) as number;
      if (it.sib) {
        const sib = it.sib;
        let stem: Point[];
        if (sib.union) {
          const ul = unionById.get(sib.union.id);
          const d = ul?.drop ?? { x: dropX(sib), y: by };
          stem = [{ x: d.x, y: d.y }, { x: d.x, y: by }];
        } else {
          const p = byKey.get(sib.parent as string) as PersonLayout;
          const s = placement.side.get(sib.id) ?? 1;
          const dx = dropX(sib);
          stem = [{ x: p.cx + s * p.half, y: p.cy }, { x: dx, y: p.cy }, { x: dx, y: by }];
        }
        const forks = sib.children.map((c) => twinFork(sib, c));
        const x1 = Math.min(...forks, stem[stem.length - 1]!.x);
        const x2 = Math.max(...forks, stem[stem.length - 1]!.x);
        const layout: SibshipLayout = { id: sib.id, unionId: sib.union?.id, parent: sib.parent, stem, bar: x2 - x1 > 0.5 ? { x1, x2, y: by } : undefined, twinBars: [], children: sib.children.map((c) => c.key), parents: sibParents(sib) };
        const twinDone = new Set<string>();
        for (const c of sib.children) {
          const cx = xOf.get(c.key) ?? 0;
          const top = topOf(c.key);
          if (c.twin) {
            const fx = twinFork(sib, c);
            childLines.push({ child: c.key, kind: c.kind, primary: true, path: [{ x: fx, y: by }, { x: cx, y: top }], twin: c.twin, line: c.line });
            if (c.twin.identical && !twinDone.has(c.twin.group)) {
              twinDone.add(c.twin.group);
              const members = sib.children.filter((o) => o.twin?.group === c.twin?.group).map((o) => ({ x: xOf.get(o.key) ?? 0, top: topOf(o.key) }));
              if (members.length >= 2) {
                const xsM = members.map((m) => m.x);
                const lo = members[xsM.indexOf(Math.min(...xsM))]!;
                const hi = members[xsM.indexOf(Math.max(...xsM))]!;
                const t = 0.45;
                layout.twinBars.push([
                  { x: round1(fx + (lo.x - fx) * t), y: round1(by + (lo.top - by) * t) },
                  { x: round1(fx + (hi.x - fx) * t), y: round1(by + (hi.top - by) * t) },
                ]);
              }
            }
          } else {
            childLines.push({ child: c.key, kind: c.kind, primary: true, path: [{ x: cx, y: by }, { x: cx, y: top }], line: c.line });
          }
        }
        sibOut.push(layout);
      } else if (it.secs) {
        const first = it.secs[0] as SecRec;
        let stem: Point[];
        if (first.union) {
          const ul = unionById.get(first.union.id);
          const d = ul?.drop ?? { x: secDrop(first), y: by };
          stem = [{ x: d.x, y: d.y }, { x: d.x, y: by }];
        } else {
          // From the side of a single parent facing the children, clear of the name.
          const p = byKey.get(first.parent as string) as PersonLayout;
          const mean = it.secs.reduce((sum, s) => sum + (xOf.get(s.child) ?? 0), 0) / it.secs.length;
          const side = mean >= p.cx ? 1 : -1;
          const reach = Math.max(p.half + 10, (p.name?.width ?? 0) / 2 + 6);
          stem = [{ x: p.cx + side * p.half, y: p.cy }, { x: p.cx + side * reach, y: p.cy }, { x: p.cx + side * reach, y: by }];
        }
        const sx = stem[stem.length - 1]!.x;
        const xs = [sx, ...it.secs.map((s) => (xOf.get(s.child) ?? 0) + secOffset(s))];
        const x1 = Math.min(...xs);
        const x2 = Math.max(...xs);
        sibOut.push({ id: `sec:${first.union?.id ?? first.parent}:${first.kind}:${it.secs.map((s) => s.child).join(',')}`, unionId: first.union?.id, parent: first.parent, stem, bar: x2 - x1 > 0.5 ? { x1, x2, y: by } : undefined, twinBars: [], children: it.secs.map((s) => s.child), parents: first.union ? [first.union.a, first.union.b] : [first.parent as string], kind: first.kind, secondary: true });
        for (const s of it.secs) {
          const off = secOffset(s);
          const cx = (xOf.get(s.child) ?? 0) + off;
          childLines.push({ child: s.child, kind: s.kind, primary: false, path: [{ x: cx, y: by }, { x: cx, y: topAt(s.child, off) }], line: s.line });
        }
      }
    }
  }

  const layout: GenogramLayout = { width: round1(width), height: round1(height), people: peopleOut, byKey, unions: unionsOut, sibships: sibOut, childLines, relationships: [], households: [], rows: rowsOut, labels };
  layout.relationships = routeRelationships(genogram, layout);
  layout.households = shapeHouseholds(genogram, layout);
  return layout;
}
