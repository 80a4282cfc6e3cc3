// The model: people, unions and sibships cleaned from what the grammar read (placeholders for the undeclared,
// one primary sibship per child, step, adoptive and foster links as secondary ones, siblings in birth order).
import type { ChildKind, Genogram, GenogramPerson, GenogramUnion } from '../types';
import { type LayoutOptions } from './types';

// ---------- the model: people, unions, sibships ----------

export const HALF = 20;
export const MARGIN = 24;

export interface UnionRec {
  id: string;
  a: string;
  b: string;
  source?: GenogramUnion;
  implicit: boolean;
  rank: number;
}

export interface ChildRec {
  key: string;
  kind: ChildKind;
  twin?: { group: string; identical: boolean };
  line?: number;
}

export interface SibRec {
  id: string;
  union?: UnionRec;
  parent?: string;
  children: ChildRec[];
}

export interface SecRec {
  union?: UnionRec;
  parent?: string;
  child: string;
  kind: ChildKind;
  line?: number;
}

export interface Model {
  people: Map<string, GenogramPerson>;
  keys: string[];
  decl: Map<string, number>;
  unions: UnionRec[];
  unionsOf: Map<string, UnionRec[]>;
  sibships: SibRec[];
  secondary: SecRec[];
  /** The sibship each child is drawn in. */
  sibOf: Map<string, SibRec>;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function placeholder(key: string, line: number): GenogramPerson {
  return { key, id: key, name: key, gender: 'unknown', deceased: false, index: false, notes: [], declared: false, span: { line, start: 0, end: 0 } };
}

export function guessCaseYear(genogram: Genogram): number {
  let year = 0;
  for (const p of genogram.people) year = Math.max(year, p.born ?? 0, p.died ?? 0);
  for (const u of genogram.unions) year = Math.max(year, u.from ?? 0, u.to ?? 0);
  return year > 0 ? year + 1 : 2025;
}

export function buildModel(genogram: Genogram, options: LayoutOptions): Model {
  const people = new Map<string, GenogramPerson>();
  const keys: string[] = [];
  const add = (person: GenogramPerson): void => {
    if (!person || typeof person.key !== 'string' || people.has(person.key)) return;
    people.set(person.key, person);
    keys.push(person.key);
  };
  for (const p of genogram.people ?? []) add(p);
  const ensure = (key: unknown, line: number): key is string => {
    if (typeof key !== 'string' || key === '') return false;
    if (!people.has(key)) add(placeholder(key, line));
    return true;
  };
  const unions: UnionRec[] = [];
  const unionByPair = new Map<string, UnionRec>();
  const unionsOf = new Map<string, UnionRec[]>();
  const addUnion = (a: string, b: string, source: GenogramUnion | undefined, rank: number): UnionRec => {
    const rec: UnionRec = { id: `u${unions.length}`, a, b, source, implicit: !source, rank };
    unions.push(rec);
    unionByPair.set(pairKey(a, b), rec);
    for (const k of [a, b]) {
      const list = unionsOf.get(k) ?? [];
      list.push(rec);
      unionsOf.set(k, list);
    }
    return rec;
  };
  (genogram.unions ?? []).forEach((u, i) => {
    const [a, b] = u.partners ?? [];
    if (!ensure(a, u.span?.line ?? 0) || !ensure(b, u.span?.line ?? 0) || a === b || unionByPair.has(pairKey(a, b))) return;
    addUnion(a, b, u, (u.order ?? i) * 1000 + i);
  });
  const unionFor = (a: string, b: string): UnionRec => unionByPair.get(pairKey(a, b)) ?? addUnion(a, b, undefined, 1e9 + unions.length);

  // Links: parents cleaned (no self, no repeats); each child's primary link decides where it is drawn.
  const kindRank: Record<ChildKind, number> = { biological: 0, adopted: 1, fostered: 2, step: 3 };
  const links = new Map<string, Array<{ parents: string[]; kind: ChildKind; order?: number; twin?: ChildRec['twin']; line?: number; index: number }>>();
  (genogram.children ?? []).forEach((c, index) => {
    if (!ensure(c.child, c.span?.line ?? 0)) return;
    const parents: string[] = [];
    for (const p of c.parents ?? []) if (ensure(p, c.span?.line ?? 0) && p !== c.child && !parents.includes(p)) parents.push(p);
    if (parents.length === 0) return;
    const kind: ChildKind = c.kind in kindRank ? c.kind : 'biological';
    const list = links.get(c.child) ?? [];
    list.push({ parents, kind, order: c.order, twin: c.twin, line: c.span?.line, index });
    links.set(c.child, list);
  });
  for (const r of genogram.relationships ?? []) {
    ensure(r.from, r.span?.line ?? 0);
    ensure(r.to, r.span?.line ?? 0);
  }
  for (const h of genogram.households ?? []) for (const m of h.members ?? []) ensure(m, h.span?.line ?? 0);

  const sibById = new Map<string, SibRec>();
  const sibships: SibRec[] = [];
  const sibOf = new Map<string, SibRec>();
  const secondary: SecRec[] = [];
  const sibFor = (union: UnionRec | undefined, parent: string | undefined): SibRec => {
    const id = union ? `s:${union.id}` : `s:p:${parent}`;
    let sib = sibById.get(id);
    if (!sib) {
      sib = { id, union, parent: union ? undefined : parent, children: [] };
      sibById.set(id, sib);
      sibships.push(sib);
    }
    return sib;
  };
  const orderOf = new Map<string, number>();
  for (const key of [...links.keys()]) {
    const list = links.get(key) ?? [];
    const primary = [...list].sort((x, y) => kindRank[x.kind] - kindRank[y.kind] || Math.min(y.parents.length, 2) - Math.min(x.parents.length, 2) || x.index - y.index)[0];
    if (!primary) continue;
    if (primary.order !== undefined) orderOf.set(key, primary.order);
    let source: { union?: UnionRec; parent?: string };
    let kind = primary.kind;
    const consumed = new Set<object>([primary]);
    if (primary.parents.length >= 2) {
      let pair: [string, string] = [primary.parents[0] as string, primary.parents[1] as string];
      outer: for (let i = 0; i < primary.parents.length; i++) {
        for (let j = i + 1; j < primary.parents.length; j++) {
          if (unionByPair.has(pairKey(primary.parents[i] as string, primary.parents[j] as string))) {
            pair = [primary.parents[i] as string, primary.parents[j] as string];
            break outer;
          }
        }
      }
      source = { union: unionFor(pair[0], pair[1]) };
      for (const extra of primary.parents) if (!pair.includes(extra)) secondary.push({ parent: extra, child: key, kind: primary.kind, line: primary.line });
    } else {
      const parent = primary.parents[0] as string;
      source = { parent };
      // A birth parent's child linked as a step-child to that parent's partner hangs from their union.
      if (primary.kind !== 'step') {
        for (const link of list) {
          if (link.kind !== 'step') continue;
          const step = link.parents.find((s) => unionByPair.has(pairKey(parent, s)));
          if (step) {
            source = { union: unionByPair.get(pairKey(parent, step)) };
            kind = 'step';
            consumed.add(link);
            break;
          }
        }
      }
    }
    const sib = sibFor(source.union, source.parent);
    sib.children.push({ key, kind, twin: primary.twin, line: primary.line });
    sibOf.set(key, sib);
    const birthParents = primary.kind === 'step' ? [] : primary.parents;
    for (const link of list) {
      if (consumed.has(link)) continue;
      const emit = (rec: SecRec): void => {
        if ((rec.union && rec.union === source.union) || (rec.parent && rec.parent === source.parent)) return;
        if (secondary.some((s) => s.child === rec.child && s.union === rec.union && s.parent === rec.parent)) return;
        secondary.push(rec);
      };
      if (link.kind === 'step') {
        for (const s of link.parents) {
          const b = birthParents.find((p) => p !== s && unionByPair.has(pairKey(p, s)));
          emit(b ? { union: unionByPair.get(pairKey(b, s)), child: key, kind: 'step', line: link.line } : { parent: s, child: key, kind: 'step', line: link.line });
        }
      } else if (link.parents.length >= 2) {
        emit({ union: unionFor(link.parents[0] as string, link.parents[1] as string), child: key, kind: link.kind, line: link.line });
        for (const extra of link.parents.slice(2)) emit({ parent: extra, child: key, kind: link.kind, line: link.line });
      } else {
        emit({ parent: link.parents[0] as string, child: key, kind: link.kind, line: link.line });
      }
    }
  }

  // Birth order: the written order, then age or birth year, then the order of the lines; twins together.
  const decl = new Map<string, number>();
  keys.forEach((k, i) => decl.set(k, i));
  const caseYear = options.caseYear ?? guessCaseYear(genogram);
  const birth = (key: string): number | undefined => {
    const p = people.get(key);
    if (!p) return undefined;
    if (p.pregnancy === 'pregnancy') return caseYear + 1;
    if (p.born !== undefined) return p.born;
    if (p.age !== undefined) return caseYear - p.age;
    return undefined;
  };
  for (const sib of sibships) {
    const line = (c: ChildRec): number => c.line ?? 0;
    sib.children.sort((x, y) => {
      const ox = orderOf.get(x.key);
      const oy = orderOf.get(y.key);
      if (ox !== undefined && oy !== undefined && ox !== oy) return ox - oy;
      const bx = birth(x.key);
      const by = birth(y.key);
      if (bx !== undefined && by !== undefined && bx !== by) return bx - by;
      return line(x) - line(y) || (decl.get(x.key) ?? 0) - (decl.get(y.key) ?? 0);
    });
    // Twins side by side, where the first of them stands.
    const grouped: ChildRec[] = [];
    const done = new Set<string>();
    for (const c of sib.children) {
      if (done.has(c.key)) continue;
      const group = c.twin ? sib.children.filter((o) => o.twin?.group === c.twin?.group) : [c];
      for (const g of group) {
        grouped.push(g);
        done.add(g.key);
      }
    }
    sib.children = grouped;
  }
  for (const list of unionsOf.values()) list.sort((x, y) => x.rank - y.rank);
  return { people, keys, decl, unions, unionsOf, sibships, secondary, sibOf };
}
