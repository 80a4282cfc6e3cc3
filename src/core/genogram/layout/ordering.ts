// Ordering within rows: barycentric sweeps that count crossings, then a repair pass for meaning (no one inside
// a sibship they do not belong to, nobody between twins).
import { type Model, type SibRec } from './model';
import { type Unit } from './generations';

// ---------- ordering within rows ----------

export interface Ctx {
  model: Model;
  units: Unit[];
  unitOf: Map<string, number>;
  rows: number[][];
  /** Centred index position of each person in its row. */
  pos: Map<string, number>;
  /** Sibships in which each person is a parent. */
  parentSibs: Map<string, SibRec[]>;
  /** Groups of units on a row bound by shared sibships, with birth-order constraints. */
  groups: Map<number, number>;
}

/** Positions of one row only (the others are unchanged). */
export function recomputeRow(ctx: Ctx, r: number): void {
  const row = ctx.rows[r]!;
  let count = 0;
  for (const u of row) count += ctx.units[u]!.members.length;
  let i = 0;
  for (const u of row) for (const m of ctx.units[u]!.members) ctx.pos.set(m, i++ - (count - 1) / 2);
}

export function recomputePositions(ctx: Ctx): void {
  for (const row of ctx.rows) {
    let count = 0;
    for (const u of row) count += ctx.units[u]!.members.length;
    let i = 0;
    for (const u of row) for (const m of ctx.units[u]!.members) ctx.pos.set(m, i++ - (count - 1) / 2);
  }
}

export function dropPos(ctx: Ctx, sib: SibRec): number {
  if (sib.union) return ((ctx.pos.get(sib.union.a) ?? 0) + (ctx.pos.get(sib.union.b) ?? 0)) / 2;
  return (ctx.pos.get(sib.parent as string) ?? 0) + 0.25;
}

export function sibParents(sib: SibRec): string[] {
  return sib.union ? [sib.union.a, sib.union.b] : [sib.parent as string];
}

export function genOf(ctx: Ctx, key: string): number {
  return ctx.units[ctx.unitOf.get(key) ?? 0]?.gen ?? 0;
}

/** Orders one row's units: groups by key, within a group by birth order (then key), mirroring units to fit. */
export function orderRow(ctx: Ctx, r: number, direction: 'down' | 'up'): void {
  const row = ctx.rows[r]!;
  const units = ctx.units;
  const memberKey = (m: string): number | undefined => {
    if (direction === 'down') {
      const sib = ctx.model.sibOf.get(m);
      if (!sib || sibParents(sib).some((p) => genOf(ctx, p) >= r)) return undefined;
      const rank = sib.children.findIndex((c) => c.key === m);
      return dropPos(ctx, sib) + rank * 1e-3;
    }
    let sum = 0;
    let count = 0;
    for (const sib of ctx.parentSibs.get(m) ?? []) {
      for (const c of sib.children) {
        if (genOf(ctx, c.key) <= r) continue;
        sum += ctx.pos.get(c.key) ?? 0;
        count++;
      }
    }
    return count ? sum / count : undefined;
  };
  const current = (u: number): number => {
    const ms = units[u]!.members;
    return ms.reduce((s, m) => s + (ctx.pos.get(m) ?? 0), 0) / ms.length;
  };
  // Mirror a unit whose members' keys run against its order.
  for (const u of row) {
    const ms = units[u]!.members;
    if (ms.length < 2) continue;
    const keys = ms.map(memberKey);
    if (direction === 'down') {
      // Someone who married in stands on the outer side of their partner's brothers and sisters.
      ms.forEach((m, i) => {
        if (keys[i] !== undefined) return;
        for (const j of [i - 1, i + 1]) {
          const partner = ms[j];
          const k = keys[j];
          const sib = partner === undefined ? undefined : ctx.model.sibOf.get(partner);
          if (partner === undefined || k === undefined || !sib || sib.children.length < 2) continue;
          const fraction = sib.children.findIndex((c) => c.key === partner) / (sib.children.length - 1);
          if (fraction !== 0.5) keys[i] = k + (fraction < 0.5 ? -0.3 : 0.3);
          break;
        }
      });
    }
    const keyed = keys.map((k, i) => ({ i, k })).filter((e) => e.k !== undefined) as Array<{ i: number; k: number }>;
    let inversions = 0;
    let pairs = 0;
    for (let a = 0; a < keyed.length; a++) for (let b = a + 1; b < keyed.length; b++) {
      const d = keyed[b]!.k - keyed[a]!.k;
      if (Math.abs(d) < 1e-9) continue;
      pairs++;
      if (d < 0) inversions++;
    }
    if (pairs > 0 && inversions * 2 > pairs) units[u]!.members = [...ms].reverse();
  }
  const unitKey = new Map<number, number>();
  for (const u of row) {
    const ks = units[u]!.members.map(memberKey).filter((k): k is number => k !== undefined);
    unitKey.set(u, ks.length ? ks.reduce((s, k) => s + k, 0) / ks.length : current(u));
  }
  // Groups, each ordered by birth-order constraints (Kahn, ties broken by key).
  const byGroup = new Map<number, number[]>();
  for (const u of row) {
    const g = ctx.groups.get(u) ?? u;
    const list = byGroup.get(g) ?? [];
    list.push(u);
    byGroup.set(g, list);
  }
  const ordered: Array<{ key: number; first: number; units: number[] }> = [];
  for (const list of byGroup.values()) {
    let seq = list;
    if (list.length > 1) {
      const inGroup = new Set(list);
      const succ = new Map<number, Set<number>>();
      const indeg = new Map<number, number>();
      for (const u of list) indeg.set(u, 0);
      const sibsSeen = new Set<SibRec>();
      for (const u of list) for (const m of units[u]!.members) {
        const sib = ctx.model.sibOf.get(m);
        if (!sib || sibsSeen.has(sib)) continue;
        sibsSeen.add(sib);
        let prev: number | undefined;
        for (const c of sib.children) {
          const cu = ctx.unitOf.get(c.key);
          if (cu === undefined || !inGroup.has(cu)) continue;
          if (prev !== undefined && prev !== cu && !succ.get(prev)?.has(cu)) {
            const set = succ.get(prev) ?? new Set<number>();
            set.add(cu);
            succ.set(prev, set);
            indeg.set(cu, (indeg.get(cu) ?? 0) + 1);
          }
          prev = cu;
        }
      }
      seq = [];
      const left = new Set(list);
      while (left.size) {
        let best: number | undefined;
        for (const u of left) {
          if ((indeg.get(u) ?? 0) > 0) continue;
          if (best === undefined || (unitKey.get(u) ?? 0) < (unitKey.get(best) ?? 0)) best = u;
        }
        // A cycle of constraints (siblings married across): take the lowest key and go on.
        if (best === undefined) for (const u of left) if (best === undefined || (unitKey.get(u) ?? 0) < (unitKey.get(best) ?? 0)) best = u;
        const b = best as number;
        left.delete(b);
        seq.push(b);
        for (const v of succ.get(b) ?? []) indeg.set(v, (indeg.get(v) ?? 0) - 1);
      }
    }
    const key = seq.reduce((s, u) => s + (unitKey.get(u) ?? 0), 0) / seq.length;
    ordered.push({ key, first: row.indexOf(seq[0]!), units: seq });
  }
  ordered.sort((a, b) => a.key - b.key || a.first - b.first);
  ctx.rows[r] = ordered.flatMap((g) => g.units);
}

export function countCrossings(ctx: Ctx, onlyRow?: number): number {
  // Edges from a drop point to each child, per pair of adjacent rows.
  const byRow = new Map<number, Array<[number, number]>>();
  for (const sib of ctx.model.sibships) {
    const pr = Math.max(...sibParents(sib).map((p) => genOf(ctx, p)));
    const d = dropPos(ctx, sib);
    for (const c of sib.children) {
      const cr = genOf(ctx, c.key);
      if (cr !== pr + 1 || (onlyRow !== undefined && cr !== onlyRow)) continue;
      const list = byRow.get(cr) ?? [];
      list.push([d, ctx.pos.get(c.key) ?? 0]);
      byRow.set(cr, list);
    }
  }
  let crossings = 0;
  for (const edges of byRow.values()) {
    for (let i = 0; i < edges.length; i++) for (let j = i + 1; j < edges.length; j++) {
      const [a1, b1] = edges[i]!;
      const [a2, b2] = edges[j]!;
      if ((a1 - a2) * (b1 - b2) < 0) crossings++;
    }
  }
  if (onlyRow !== undefined) return crossings;
  // Partners kept apart by someone between them cost as much as a crossing.
  for (const u of ctx.model.unions) if (Math.abs((ctx.pos.get(u.a) ?? 0) - (ctx.pos.get(u.b) ?? 0)) > 1.5) crossings++;
  return crossings;
}

export function orderRows(ctx: Ctx): void {
  const R = ctx.rows.length;
  recomputePositions(ctx);
  const snapshot = (): { rows: number[][]; members: string[][] } => ({ rows: ctx.rows.map((r) => [...r]), members: ctx.units.map((u) => [...u.members]) });
  const restore = (s: { rows: number[][]; members: string[][] }): void => {
    ctx.rows = s.rows.map((r) => [...r]);
    s.members.forEach((m, i) => (ctx.units[i]!.members = [...m]));
    recomputePositions(ctx);
  };
  // First pass: top-down, so every row starts from its parents.
  for (let r = 1; r < R; r++) {
    orderRow(ctx, r, 'down');
    recomputePositions(ctx);
  }
  let best = snapshot();
  let bestScore = countCrossings(ctx);
  let stale = 0;
  for (let round = 0; round < 8 && bestScore > 0 && stale < 3; round++) {
    for (let r = R - 2; r >= 0; r--) {
      orderRow(ctx, r, 'up');
      recomputePositions(ctx);
    }
    for (let r = 1; r < R; r++) {
      orderRow(ctx, r, 'down');
      recomputePositions(ctx);
    }
    const score = countCrossings(ctx);
    if (score < bestScore) {
      bestScore = score;
      best = snapshot();
      stale = 0;
    } else stale++;
  }
  restore(best);
}

// ---------- repair: no one inside a sibship they do not belong to ----------

/** People standing inside a sibship they are neither in nor a partner of, and partners apart, on one row. */
export function rowFaults(ctx: Ctx, r: number, faulty?: Set<SibRec>): number {
  // Hot: called for every candidate of the repair. Membership is read from sibOf, positions from pos.
  const { sibOf, unionsOf } = ctx.model;
  const members: string[] = [];
  for (const u of ctx.rows[r]!) for (const m of ctx.units[u]!.members) members.push(m);
  const offset = (members.length - 1) / 2;
  const at = (key: string): number | undefined => {
    const p = ctx.pos.get(key);
    return p === undefined || genOf(ctx, key) !== r ? undefined : p + offset;
  };
  let faults = 0;
  const seenSibs = new Set<SibRec>();
  for (const m of members) {
    const sib = sibOf.get(m);
    if (!sib || seenSibs.has(sib) || sib.children.length < 2) continue;
    seenSibs.add(sib);
    let lo = Infinity;
    let hi = -Infinity;
    let onRow = 0;
    for (const c of sib.children) {
      const i = at(c.key);
      if (i === undefined) continue;
      onRow++;
      if (i < lo) lo = i;
      if (i > hi) hi = i;
    }
    if (onRow < 2) continue;
    const serious = faults;
    for (let i = lo + 1; i < hi; i++) {
      const p = members[i]!;
      if (sibOf.get(p) === sib) continue;
      const partnerOfSibling = (unionsOf.get(p) ?? []).some((u) => sibOf.get(u.a === p ? u.b : u.a) === sib);
      if (!partnerOfSibling) faults += 100;
    }
    // Between twins, nobody at all; and siblings in birth order where it costs nothing else.
    for (const c of sib.children) {
      if (!c.twin) continue;
      const group = c.twin.group;
      let tlo = Infinity;
      let thi = -Infinity;
      for (const o of sib.children) {
        if (o.twin?.group !== group) continue;
        const i = at(o.key);
        if (i === undefined) continue;
        if (i < tlo) tlo = i;
        if (i > thi) thi = i;
      }
      // Counted once per group: from its first member.
      if (sib.children.find((o) => o.twin?.group === group) !== c) continue;
      for (let i = tlo + 1; i < thi; i++) if (sib.children.find((o) => o.key === members[i])?.twin?.group !== group) faults += 100;
    }
    if (faults > serious) faulty?.add(sib);
    for (let a = 0; a < sib.children.length; a++) {
      const ia = at(sib.children[a]!.key);
      if (ia === undefined) continue;
      for (let b = a + 1; b < sib.children.length; b++) {
        const ib = at(sib.children[b]!.key);
        if (ib !== undefined && ia > ib) faults += 1;
      }
    }
  }
  for (const m of members) {
    const im = at(m)!;
    for (const u of unionsOf.get(m) ?? []) {
      if (u.a !== m) continue;
      const ib = at(u.b);
      if (ib !== undefined && Math.abs(ib - im) > 1) faults += 3;
    }
  }
  return faults;
}

/**
 * The barycentric sweeps count crossings, not meaning: afterwards each row is repaired greedily, mirroring a
 * partner chain or moving a unit to either end of a sibship, while that lowers the row's faults (intruders
 * weigh most) without adding crossings. Bounded: a few rounds per row.
 */
export function repairRows(ctx: Ctx): void {
  for (let r = 0; r < ctx.rows.length; r++) {
    let changed = false;
    for (let round = 0; round < 24; round++) {
      // Only sibships with someone inside who does not belong are worked on (birth order alone is the sweeps' job).
      const faulty = new Set<SibRec>();
      const before = rowFaults(ctx, r, faulty);
      if (faulty.size === 0) break;
      // Only the lines from the row above count: the rows below are ordered afresh from this one.
      const crossingsBefore = countCrossings(ctx, r);
      const original = ctx.rows[r]!;
      const candidates: Array<() => void> = [];
      const involved = new Set<number>();
      for (const sib of faulty) {
        const positions = sib.children.map((c) => original.indexOf(ctx.unitOf.get(c.key) ?? -1)).filter((i) => i >= 0);
        for (let i = Math.min(...positions); i <= Math.max(...positions); i++) involved.add(original[i]!);
      }
      for (const u of involved) {
        const ms = ctx.units[u]!.members;
        if (ms.length > 1) candidates.push(() => void ctx.units[u]!.members.reverse());
        // A sibling with several partners (a twin, say) moved to the end of their chain, partners beyond them.
        if (ms.length > 2) {
          for (const m of ms) {
            if (!ctx.model.sibOf.has(m)) continue;
            const others = ms.filter((o) => o !== m);
            candidates.push(() => void (ctx.units[u]!.members = [...others, m]));
            candidates.push(() => void (ctx.units[u]!.members = [m, ...others.reverse()]));
          }
        }
      }
      // Each unit inside a faulty sibship moved next to either end of it, or its outlying siblings drawn in.
      for (const sib of faulty) {
        const childUnits = [...new Set(sib.children.map((c) => ctx.unitOf.get(c.key)).filter((u): u is number => u !== undefined && original.includes(u)))];
        if (childUnits.length < 2) continue;
        const positions = childUnits.map((u) => original.indexOf(u));
        const lo = Math.min(...positions);
        const hi = Math.max(...positions);
        for (let i = lo + 1; i < hi; i++) {
          const intruder = original[i]!;
          if (childUnits.includes(intruder)) continue;
          for (const target of [lo, hi]) {
            candidates.push(() => {
              const row = original.filter((u) => u !== intruder);
              const anchor = row.indexOf(original[target]!);
              row.splice(target === lo ? anchor : anchor + 1, 0, intruder);
              ctx.rows[r] = row;
            });
          }
        }
        // Or the outlying siblings drawn in to the others.
        for (const u of childUnits) {
          candidates.push(() => {
            const row = original.filter((v) => v !== u);
            const others = childUnits.filter((v) => v !== u).map((v) => row.indexOf(v));
            const at = original.indexOf(u) < original.indexOf(childUnits[0]!) ? Math.min(...others) : Math.max(...others) + 1;
            row.splice(at, 0, u);
            ctx.rows[r] = row;
          });
        }
      }
      // Candidates change only this row's units: only they are saved and restored.
      let best: { faults: number; rows: number[]; members: string[][] } | undefined;
      const membersNow = original.map((u) => ctx.units[u]!.members);
      const restore = (members: string[][]): void => original.forEach((u, i) => (ctx.units[u]!.members = [...members[i]!]));
      for (const apply of candidates) {
        restore(membersNow);
        ctx.rows[r] = original;
        apply();
        recomputeRow(ctx, r);
        const faults = rowFaults(ctx, r);
        if (faults < (best?.faults ?? before) && countCrossings(ctx, r) <= crossingsBefore + (before - faults >= 100 ? 2 : 0)) {
          best = { faults, rows: [...ctx.rows[r]!], members: original.map((u) => [...ctx.units[u]!.members]) };
          // First improvement: one person fewer where they do not belong is taken at once (the next round goes on).
          if (before - faults >= 100) break;
        }
      }
      restore(best ? best.members : membersNow);
      ctx.rows[r] = best ? best.rows : original;
      recomputeRow(ctx, r);
      if (!best) break;
      changed = true;
    }
    if (changed) {
      for (let below = r + 1; below < ctx.rows.length; below++) orderRow(ctx, below, 'down');
      recomputePositions(ctx);
    }
  }
}
