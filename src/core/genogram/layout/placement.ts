// Footprints of each person and x placement: a weighted least-squares fit solved row by row with
// pool-adjacent-violators, children pulled under their parents' union.
import type { GenogramPerson } from '../types';
import { HALF, type UnionRec } from './model';
import { type Ctx } from './ordering';
import { FONT, NAME_MAX_WIDTH, textWidth, wrapText } from './text';
import { type SymbolShape } from './types';

// ---------- sizes of each person's footprint ----------

export interface Footprint {
  half: number;
  shape: SymbolShape;
  nameLines: string[];
  nameWidth: number;
  born?: string;
  died?: string;
  age?: string;
  /** Room needed left and right of the centre. */
  left: number;
  right: number;
}

export function shapeOf(p: GenogramPerson): SymbolShape {
  if (p.pregnancy === 'pregnancy') return 'triangle';
  if (p.pregnancy === 'miscarriage' || p.pregnancy === 'termination' || p.pregnancy === 'stillbirth') return p.pregnancy;
  if (p.gender === 'male') return 'square';
  if (p.gender === 'female') return 'circle';
  if (p.gender === 'other') return 'other';
  return 'diamond';
}

export function ageText(age: number | undefined): string | undefined {
  if (age === undefined || !Number.isFinite(age) || age < 0) return undefined;
  if (age < 1) return `${Math.max(1, Math.round(age * 12))}m`;
  return String(Math.floor(age));
}

/** `caseYear` only when the case is dated: then a living person with only a birth year has their age drawn too. */
export function footprint(p: GenogramPerson, caseYear?: number): Footprint {
  const shape = shapeOf(p);
  const half = shape === 'triangle' ? 15 : shape === 'miscarriage' || shape === 'termination' || shape === 'stillbirth' ? 9 : HALF;
  const nameLines = wrapText(p.name ?? p.key, NAME_MAX_WIDTH, FONT.name, 2);
  const nameWidth = Math.max(0, ...nameLines.map((l) => textWidth(l, FONT.name)));
  // McGoldrick writes b. and d. before the years, so that a lone year is never taken for the other one.
  const born = p.born !== undefined && Number.isFinite(p.born) ? `b. ${p.born}` : undefined;
  const died = p.died !== undefined && Number.isFinite(p.died) ? `d. ${p.died}` : undefined;
  const fromBirth = p.age === undefined && p.born !== undefined && caseYear !== undefined && !p.deceased && caseYear - p.born >= 0 && caseYear - p.born < 130 ? caseYear - p.born : undefined;
  const age = p.pregnancy ? undefined : ageText(p.age ?? fromBirth);
  const outline = p.index ? 4 : 0;
  const left = Math.max(half + outline, nameWidth / 2, born ? 2 + textWidth(born, FONT.year) : 0) + 5;
  const right = Math.max(half + outline, nameWidth / 2, died ? 2 + textWidth(died, FONT.year) : 0) + 5;
  return { half, shape, nameLines, nameWidth, born, died, age, left, right };
}

export function unionLabelLines(u: UnionRec): string[] {
  const s = u.source;
  if (!s) return [];
  const lines: string[] = [];
  const start = { married: 'm.', cohabiting: 'cohab.', engaged: 'eng.', partners: 'since' }[s.type] ?? '';
  if (s.from !== undefined) lines.push(`${start} ${s.from}`);
  if (s.end) {
    const word = { separated: 'sep.', divorced: 'div.', widowed: 'wid.' }[s.end];
    lines.push(s.to !== undefined ? `${word} ${s.to}` : ({ separated: 'separated', divorced: 'divorced', widowed: 'widowed' }[s.end] ?? ''));
  }
  return lines;
}

// ---------- x placement: weighted isotonic regression per row ----------

/**
 * Pool-adjacent-violators with gaps: minimises Σ w·(x − t)² subject to x[i+1] − x[i] ≥ gap[i].
 * Exact, O(n). Weights must be positive.
 */
export function isotonicWithGaps(targets: number[], weights: number[], gaps: number[]): number[] {
  const n = targets.length;
  const offset = new Array<number>(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) acc += gaps[i - 1] ?? 0;
    offset[i] = acc;
  }
  // Blocks of pooled values on the shifted targets y = t − offset, which must be non-decreasing.
  const value: number[] = [];
  const weight: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < n; i++) {
    let v = (targets[i] as number) - (offset[i] as number);
    let w = weights[i] as number;
    let s = 1;
    while (value.length && (value[value.length - 1] as number) > v) {
      const pv = value.pop() as number;
      const pw = weight.pop() as number;
      s += size.pop() as number;
      v = (pv * pw + v * w) / (pw + w);
      w += pw;
    }
    value.push(v);
    weight.push(w);
    size.push(s);
  }
  const out = new Array<number>(n);
  let i = 0;
  for (let b = 0; b < value.length; b++) for (let k = 0; k < (size[b] as number); k++, i++) out[i] = (value[b] as number) + (offset[i] as number);
  return out;
}

export interface Placement {
  /** Unit position: x of its first member. */
  ux: Float64Array;
  /** Member offsets from the unit's position. */
  offsets: Map<string, number>;
  /** Drop point of each sibship, relative to the position of the unit holding its parents. */
  dropOffset: Map<string, number>;
  side: Map<string, 1 | -1>;
  left: Float64Array;
  right: Float64Array;
}

export function place(ctx: Ctx, prints: Map<string, Footprint>, unionLabels: Map<string, string[]>): Placement {
  const { units, model } = ctx;
  const n = units.length;
  const offsets = new Map<string, number>();
  const left = new Float64Array(n);
  const right = new Float64Array(n);
  const dropOffset = new Map<string, number>();
  const side = new Map<string, 1 | -1>();
  const fp = (k: string): Footprint => prints.get(k) as Footprint;
  // Single parents' children hang from a short line out of the parent's free side.
  for (const sib of model.sibships) {
    if (sib.union || !sib.parent) continue;
    const u = units[ctx.unitOf.get(sib.parent) ?? 0]!;
    const i = u.members.indexOf(sib.parent);
    side.set(sib.id, u.members.length > 1 && i === 0 ? -1 : 1);
  }
  const stubReach = (k: string, s: 1 | -1): number => {
    const f = fp(k);
    return Math.max(f.half + 14, (s < 0 ? f.left : f.right) - 1);
  };
  const extraLeft = new Map<string, number>();
  const extraRight = new Map<string, number>();
  for (const sib of model.sibships) {
    if (sib.union || !sib.parent) continue;
    const s = side.get(sib.id) ?? 1;
    const reach = stubReach(sib.parent, s) + 8;
    (s < 0 ? extraLeft : extraRight).set(sib.parent, reach);
  }
  for (const unit of units) {
    let x = 0;
    unit.members.forEach((m, i) => {
      if (i > 0) {
        const prev = unit.members[i - 1] as string;
        const union = model.unionsOf.get(m)?.find((u) => u.a === prev || u.b === prev);
        const a = fp(prev);
        const b = fp(m);
        const ar = Math.max(a.right, extraRight.get(prev) ?? 0);
        const bl = Math.max(b.left, extraLeft.get(m) ?? 0);
        let gap = ar + bl + 6;
        if (union) {
          const label = unionLabels.get(union.id) ?? [];
          const labelWidth = Math.max(0, ...label.map((l) => textWidth(l, FONT.union)));
          // The drop line runs down the middle: both names must clear it, and the label must fit between symbols.
          gap = Math.max(gap, 2 * Math.max(ar, bl) + 4, a.half + b.half + Math.max(40, labelWidth + 10));
          // A two-line label reaches up into the years: it must fit between the left one's death year and the right one's birth year.
          if (label.length > 1) {
            const died = a.died ? 2 + textWidth(a.died, FONT.year) : a.half;
            const born = b.born ? 2 + textWidth(b.born, FONT.year) : b.half;
            // The label is centred between them, so the wider of the two years decides both halves.
            gap = Math.max(gap, 2 * Math.max(died, born) + labelWidth + 8);
          }
        }
        x += gap;
      }
      offsets.set(m, x);
    });
    const first = unit.members[0] as string;
    const last = unit.members[unit.members.length - 1] as string;
    left[unit.id] = Math.max(fp(first).left, extraLeft.get(first) ?? 0);
    right[unit.id] = x + Math.max(fp(last).right, extraRight.get(last) ?? 0);
  }
  for (const sib of model.sibships) {
    if (sib.union) {
      dropOffset.set(sib.id, ((offsets.get(sib.union.a) ?? 0) + (offsets.get(sib.union.b) ?? 0)) / 2);
    } else if (sib.parent) {
      const s = side.get(sib.id) ?? 1;
      dropOffset.set(sib.id, (offsets.get(sib.parent) ?? 0) + s * stubReach(sib.parent, s));
    }
  }

  // Terms: each child wants to sit under its drop point; weaker pulls for secondary links.
  interface Term {
    child: string;
    parentUnit: number;
    drop: number;
    w: number;
  }
  const termsByUnit = new Map<number, Term[]>();
  const addTerm = (t: Term): void => {
    const cu = ctx.unitOf.get(t.child);
    if (cu === undefined || cu === t.parentUnit) return;
    if (units[cu]!.gen === units[t.parentUnit]!.gen) return;
    for (const u of [cu, t.parentUnit]) {
      const list = termsByUnit.get(u) ?? [];
      list.push(t);
      termsByUnit.set(u, list);
    }
  };
  for (const sib of model.sibships) {
    const holder = ctx.unitOf.get(sib.union ? sib.union.a : (sib.parent as string));
    if (holder === undefined) continue;
    if (sib.union && ctx.unitOf.get(sib.union.b) !== holder) continue;
    for (const c of sib.children) addTerm({ child: c.key, parentUnit: holder, drop: dropOffset.get(sib.id) ?? 0, w: 1 });
  }
  // Secondary links (step, adoptive, foster) add no pull: they would only bend the birth lines.

  const ux = new Float64Array(n);
  const gapBetween = (a: number, b: number): number => (ctx.groups.get(a) !== undefined && ctx.groups.get(a) === ctx.groups.get(b) ? 14 : 30);
  const gapsOf = (row: number[]): number[] => row.slice(1).map((u, i) => right[row[i]!]! + left[u]! + gapBetween(row[i]!, u));
  for (const row of ctx.rows) {
    let x = 0;
    row.forEach((u, i) => {
      if (i > 0) x += right[row[i - 1]!]! + left[u]! + gapBetween(row[i - 1]!, u);
      ux[u] = x;
    });
    const mid = (x + (row.length ? right[row[row.length - 1]!]! : 0)) / 2;
    for (const u of row) ux[u] = ux[u]! - mid;
  }
  const solveRow = (row: number[]): number => {
    if (!row.length) return 0;
    const targets: number[] = [];
    const weights: number[] = [];
    for (const u of row) {
      let W = 0.002;
      let T = 0.002 * ux[u]!;
      for (const t of termsByUnit.get(u) ?? []) {
        const cu = ctx.unitOf.get(t.child) as number;
        const childOff = offsets.get(t.child) ?? 0;
        if (cu === u) {
          // This unit holds the child: x_u + childOff ≈ parent drop.
          W += t.w;
          T += t.w * (ux[t.parentUnit]! + t.drop - childOff);
        } else {
          // This unit holds the parents: x_u + drop ≈ child.
          W += t.w;
          T += t.w * (ux[cu]! + childOff - t.drop);
        }
      }
      targets.push(T / W);
      weights.push(W);
    }
    const xs = isotonicWithGaps(targets, weights, gapsOf(row));
    let moved = 0;
    row.forEach((u, i) => {
      moved = Math.max(moved, Math.abs(ux[u]! - xs[i]!));
      ux[u] = xs[i]!;
    });
    return moved;
  };
  const R = ctx.rows.length;
  const rounds = ctx.model.keys.length > 150 ? 40 : 80;
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    for (let r = R - 1; r >= 0; r--) moved = Math.max(moved, solveRow(ctx.rows[r]!));
    for (let r = 0; r < R; r++) moved = Math.max(moved, solveRow(ctx.rows[r]!));
    if (moved < 0.05) break;
  }
  return { ux, offsets, dropOffset, side, left, right };
}
