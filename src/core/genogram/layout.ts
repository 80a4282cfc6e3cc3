// Automatic genogram layout: generations on rows, partner chains as rigid blocks, sibships contiguous in birth
// order, crossings reduced by barycentric sweeps, x placed by a weighted least-squares fit solved row by row with
// pool-adjacent-violators. Pure, deterministic and bounded: any Genogram the grammar can produce (cycles, 3+
// parents, self-unions, undeclared people) lays out without throwing. See docs/genogram.md for the design note.
import type { ChildKind, Genogram, GenogramHousehold, GenogramPerson, GenogramRelationship, GenogramUnion, UnionEnd, UnionType } from './types';

// ---------- geometry and text ----------

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

export const FONT = { name: 11, year: 10, age: 13, union: 9.5, small: 9 } as const;
/** Conservative width of one character in ems: wide enough for most proportional fonts' capitals and digits. */
export const EM_PER_CHAR = 0.62;
const NAME_MAX_WIDTH = 104;
const LINE_HEIGHT = 13;

/** Estimated width of a line of text at a font size (wide East Asian characters count double). */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1.7 : 1;
  return units * EM_PER_CHAR * fontSize;
}

/** Word-wraps text to at most `maxLines` lines of `maxWidth`; a cut line ends with an ellipsis. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const fits = (s: string): boolean => textWidth(s, fontSize) <= maxWidth;
  const words = clean.split(' ');
  const lines: string[] = [];
  let current = '';
  let cut = false;
  for (let w = 0; w < words.length; w++) {
    let word = words[w] as string;
    // A word longer than a line is broken.
    while (!fits(word)) {
      let n = Math.max(1, Math.floor(maxWidth / (EM_PER_CHAR * fontSize)) - 1);
      while (n > 1 && !fits(`${[...word].slice(0, n).join('')}-`)) n--;
      const head = `${[...word].slice(0, n).join('')}-`;
      if (current) {
        lines.push(current);
        current = '';
      }
      lines.push(head);
      word = [...word].slice(n).join('');
    }
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) current = candidate;
    else {
      if (current) lines.push(current);
      current = word;
    }
    if (lines.length >= maxLines) {
      cut = true;
      break;
    }
  }
  if (current && lines.length < maxLines) lines.push(current);
  else if (current) cut = true;
  if (lines.length > maxLines) {
    lines.length = maxLines;
    cut = true;
  }
  if (cut) {
    let last = lines[maxLines - 1] ?? '';
    while (last.length > 1 && !fits(`${last}…`)) last = [...last].slice(0, -1).join('').trimEnd();
    lines[maxLines - 1] = `${last}…`;
  }
  return lines;
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

// ---------- the layout's output ----------

export type LabelKind = 'name' | 'born' | 'died' | 'age' | 'union';

export interface Label extends Box {
  kind: LabelKind;
  lines: string[];
  anchor: 'start' | 'middle' | 'end';
  /** Where the text is drawn: anchor x and the first line's baseline. */
  tx: number;
  ty: number;
  fontSize: number;
  lineHeight: number;
  /** The person key, or the union id. */
  owner: string;
}

export type SymbolShape = 'square' | 'circle' | 'diamond' | 'other' | 'triangle' | 'miscarriage' | 'termination' | 'stillbirth';

export interface PersonLayout {
  key: string;
  person: GenogramPerson;
  row: number;
  cx: number;
  cy: number;
  /** Half the symbol's size. */
  half: number;
  shape: SymbolShape;
  /** The symbol with its index outline. */
  symbol: Box;
  name?: Label;
  born?: Label;
  died?: Label;
  /** Inside the symbol. */
  age?: Label;
}

export interface UnionLayout {
  id: string;
  partners: [string, string];
  union?: GenogramUnion;
  /** Two parents of a child with no union line written: drawn as unspecified partners. */
  implicit: boolean;
  type: UnionType;
  end?: UnionEnd;
  /** Partners side by side (a straight line between the symbols) or not (a line below the row). */
  adjacent: boolean;
  path: Point[];
  /** Where lines to the children start. */
  drop: Point;
  /** Centre of the separation or divorce slashes. */
  mark: Point;
  label?: Label;
}

export interface ChildLineLayout {
  child: string;
  kind: ChildKind;
  primary: boolean;
  path: Point[];
  twin?: { group: string; identical: boolean };
  line?: number;
}

export interface SibshipLayout {
  id: string;
  /** The union or the single parent the children hang from. */
  unionId?: string;
  parent?: string;
  /** From the drop point down to the bar and along it. */
  stem: Point[];
  bar?: { x1: number; x2: number; y: number };
  /** Bars joining identical twins' lines. */
  twinBars: Array<[Point, Point]>;
  /** Keys of the children hanging from this bar, oldest first. */
  children: string[];
  /** Keys of the parents: the union's two partners, or the single parent. */
  parents: string[];
  /** Step, adoptive or foster links drawn besides the children's birth lines share one bar of their kind. */
  kind?: ChildKind;
  secondary?: boolean;
}

export interface RelationshipLayout {
  relationship: GenogramRelationship;
  /** The curve, sampled, from the edge of `from`'s symbol to the edge of `to`'s. */
  points: Point[];
}

export interface HouseholdLayout {
  household: GenogramHousehold;
  index: number;
  /** One padded box per member and the connectors joining them. */
  blobs: Box[];
  /** Fills between neighbours on one row, so that they read as one outline. */
  bridges: Box[];
  connectors: Point[][];
  /** Half the connectors' thickness. */
  neck: number;
}

export interface GenogramLayout {
  width: number;
  height: number;
  people: PersonLayout[];
  byKey: Map<string, PersonLayout>;
  unions: UnionLayout[];
  sibships: SibshipLayout[];
  childLines: ChildLineLayout[];
  relationships: RelationshipLayout[];
  households: HouseholdLayout[];
  rows: Array<{ top: number; cy: number; bottom: number; keys: string[] }>;
  /** Every text label (names, years, ages, union labels) for overlap checks. */
  labels: Label[];
}

export interface LayoutOptions {
  /** The case's year, to compare ages with birth years when ordering siblings. */
  caseYear?: number;
}

// ---------- the model: people, unions, sibships ----------

const HALF = 20;
const MARGIN = 24;

interface UnionRec {
  id: string;
  a: string;
  b: string;
  source?: GenogramUnion;
  implicit: boolean;
  rank: number;
}

interface ChildRec {
  key: string;
  kind: ChildKind;
  twin?: { group: string; identical: boolean };
  line?: number;
}

interface SibRec {
  id: string;
  union?: UnionRec;
  parent?: string;
  children: ChildRec[];
}

interface SecRec {
  union?: UnionRec;
  parent?: string;
  child: string;
  kind: ChildKind;
  line?: number;
}

interface Model {
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

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function placeholder(key: string, line: number): GenogramPerson {
  return { key, id: key, name: key, gender: 'unknown', deceased: false, index: false, notes: [], declared: false, span: { line, start: 0, end: 0 } };
}

function guessCaseYear(genogram: Genogram): number {
  let year = 0;
  for (const p of genogram.people) year = Math.max(year, p.born ?? 0, p.died ?? 0);
  for (const u of genogram.unions) year = Math.max(year, u.from ?? 0, u.to ?? 0);
  return year > 0 ? year + 1 : 2025;
}

function buildModel(genogram: Genogram, options: LayoutOptions): Model {
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

// ---------- generations ----------

interface Unit {
  id: number;
  members: string[];
  gen: number;
}

function buildUnits(model: Model): { units: Unit[]; unitOf: Map<string, number> } {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    let c = k;
    while (c !== r) {
      const next = parent.get(c) as string;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const k of model.keys) parent.set(k, k);
  for (const u of model.unions) {
    const ra = find(u.a);
    const rb = find(u.b);
    if (ra === rb) continue;
    // The earlier-declared root wins, so the result does not depend on map order.
    if ((model.decl.get(ra) ?? 0) <= (model.decl.get(rb) ?? 0)) parent.set(rb, ra);
    else parent.set(ra, rb);
  }
  const byRoot = new Map<string, string[]>();
  for (const k of model.keys) {
    const r = find(k);
    const list = byRoot.get(r) ?? [];
    list.push(k);
    byRoot.set(r, list);
  }
  const units: Unit[] = [];
  const unitOf = new Map<string, number>();
  for (const members of byRoot.values()) {
    const id = units.length;
    units.push({ id, members: linearise(members, model), gen: 0 });
    for (const m of members) unitOf.set(m, id);
  }
  return { units, unitOf };
}

/**
 * Orders a partner chain along a row: the person with most partners in the middle, partners alternately on
 * either side in the order of the unions (earliest on the left), each partner's own other partners further out.
 */
function linearise(members: string[], model: Model): string[] {
  if (members.length === 1) return members;
  const inUnit = new Set(members);
  if (members.length === 2) {
    const [a, b] = members as [string, string];
    const union = model.unionsOf.get(a)?.find((u) => u.b === b || u.a === b);
    let pair: [string, string] = union ? [union.a, union.b] : [a, b];
    const ga = model.people.get(pair[0])?.gender;
    const gb = model.people.get(pair[1])?.gender;
    if (ga === 'female' && gb === 'male') pair = [pair[1], pair[0]];
    return pair;
  }
  const degree = (k: string): number => (model.unionsOf.get(k) ?? []).filter((u) => inUnit.has(u.a) && inUnit.has(u.b)).length;
  const root = [...members].sort((x, y) => degree(y) - degree(x) || (model.decl.get(x) ?? 0) - (model.decl.get(y) ?? 0))[0] as string;
  const seen = new Set<string>([root]);
  const partnersOf = (k: string): string[] => {
    const out: string[] = [];
    for (const u of model.unionsOf.get(k) ?? []) {
      const other = u.a === k ? u.b : u.a;
      if (inUnit.has(other) && !seen.has(other) && !out.includes(other)) out.push(other);
    }
    for (const o of out) seen.add(o);
    return out;
  };
  // Breadth-first claims partners, so that a ring of unions still yields a tree.
  const children = new Map<string, string[]>();
  const queue = [root];
  for (let q = 0; q < queue.length; q++) {
    const k = queue[q] as string;
    const ps = partnersOf(k);
    children.set(k, ps);
    queue.push(...ps);
  }
  // Side 'L' means the parent in the tree is to the right, so the block ends with k. Worked bottom-up over the
  // breadth-first order (children before parents), without recursion: a chain of thousands of couples must not
  // overflow the stack.
  const sideOf = new Map<string, 'L' | 'R' | 'root'>([[root, 'root']]);
  for (const k of queue) {
    const side = sideOf.get(k) ?? 'root';
    (children.get(k) ?? []).forEach((p, i) => sideOf.set(p, side === 'root' ? (i % 2 === 0 ? 'L' : 'R') : side));
  }
  const blocks = new Map<string, string[]>();
  for (let q = queue.length - 1; q >= 0; q--) {
    const k = queue[q] as string;
    const side = sideOf.get(k) ?? 'root';
    const left: string[][] = [];
    const right: string[][] = [];
    (children.get(k) ?? []).forEach((p, i) => {
      const block = blocks.get(p) ?? [p];
      if (side === 'root') (i % 2 === 0 ? left : right).push(block);
      else if (side === 'L') left.push(block);
      else right.push(block);
    });
    const out: string[] = [];
    for (let i = left.length - 1; i >= 0; i--) out.push(...(left[i] as string[]));
    out.push(k);
    for (const r of right) out.push(...r);
    blocks.set(k, out);
  }
  const order = blocks.get(root) ?? [root];
  const placed = new Set(order);
  for (const m of members) if (!placed.has(m)) order.push(m);
  return order;
}

/** Generations: a child below every parent, partners level; cycles broken, so this always ends. */
function assignGenerations(model: Model, units: Unit[], unitOf: Map<string, number>): void {
  const n = units.length;
  const out: Array<Set<number>> = units.map(() => new Set<number>());
  const addEdge = (parents: string[], child: string): void => {
    const c = unitOf.get(child);
    if (c === undefined) return;
    for (const p of parents) {
      const u = unitOf.get(p);
      if (u !== undefined && u !== c) out[u]?.add(c);
    }
  };
  for (const sib of model.sibships) {
    const parents = sib.union ? [sib.union.a, sib.union.b] : [sib.parent as string];
    for (const c of sib.children) addEdge(parents, c.key);
  }
  for (const s of model.secondary) addEdge(s.union ? [s.union.a, s.union.b] : [s.parent as string], s.child);
  // Depth-first, iteratively, dropping edges that close a cycle.
  const state = new Uint8Array(n);
  const topo: number[] = [];
  const dag: number[][] = units.map(() => []);
  for (let start = 0; start < n; start++) {
    if (state[start]) continue;
    const stack: Array<{ u: number; it: Iterator<number> }> = [{ u: start, it: out[start]!.values() }];
    state[start] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = top.it.next();
      if (next.done) {
        state[top.u] = 2;
        topo.push(top.u);
        stack.pop();
        continue;
      }
      const v = next.value;
      if (state[v] === 1) continue; // back edge: a cycle in the data
      dag[top.u]!.push(v);
      if (state[v] === 0) {
        state[v] = 1;
        stack.push({ u: v, it: out[v]!.values() });
      }
    }
  }
  topo.reverse();
  const gen = new Array<number>(n).fill(0);
  const hasParent = new Array<boolean>(n).fill(false);
  for (const u of topo) for (const v of dag[u]!) {
    hasParent[v] = true;
    gen[v] = Math.max(gen[v]!, gen[u]! + 1);
  }
  // Founders sit just above their highest child rather than at the top.
  for (const u of topo) {
    if (hasParent[u] || dag[u]!.length === 0) continue;
    let min = Infinity;
    for (const v of dag[u]!) min = Math.min(min, gen[v]!);
    gen[u] = Math.max(gen[u]!, min - 1);
  }
  const low = Math.min(...gen, 0);
  units.forEach((unit, i) => (unit.gen = gen[i]! - low));
}

// ---------- ordering within rows ----------

interface Ctx {
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

function recomputePositions(ctx: Ctx): void {
  for (const row of ctx.rows) {
    let count = 0;
    for (const u of row) count += ctx.units[u]!.members.length;
    let i = 0;
    for (const u of row) for (const m of ctx.units[u]!.members) ctx.pos.set(m, i++ - (count - 1) / 2);
  }
}

function dropPos(ctx: Ctx, sib: SibRec): number {
  if (sib.union) return ((ctx.pos.get(sib.union.a) ?? 0) + (ctx.pos.get(sib.union.b) ?? 0)) / 2;
  return (ctx.pos.get(sib.parent as string) ?? 0) + 0.25;
}

function sibParents(sib: SibRec): string[] {
  return sib.union ? [sib.union.a, sib.union.b] : [sib.parent as string];
}

function genOf(ctx: Ctx, key: string): number {
  return ctx.units[ctx.unitOf.get(key) ?? 0]?.gen ?? 0;
}

/** Orders one row's units: groups by key, within a group by birth order (then key), mirroring units to fit. */
function orderRow(ctx: Ctx, r: number, direction: 'down' | 'up'): void {
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

function countCrossings(ctx: Ctx, onlyRow?: number): number {
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

function orderRows(ctx: Ctx): void {
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
function rowFaults(ctx: Ctx, r: number): number {
  const members = ctx.rows[r]!.flatMap((u) => ctx.units[u]!.members);
  const at = new Map<string, number>();
  members.forEach((m, i) => at.set(m, i));
  let faults = 0;
  const seenSibs = new Set<SibRec>();
  for (const m of members) {
    const sib = ctx.model.sibOf.get(m);
    if (!sib || seenSibs.has(sib)) continue;
    seenSibs.add(sib);
    const idx = sib.children.map((c) => at.get(c.key)).filter((i): i is number => i !== undefined);
    if (idx.length < 2) continue;
    const names = new Set(sib.children.map((c) => c.key));
    const lo = Math.min(...idx);
    const hi = Math.max(...idx);
    for (let i = lo + 1; i < hi; i++) {
      const p = members[i]!;
      if (names.has(p)) continue;
      const partnerOfSibling = (ctx.model.unionsOf.get(p) ?? []).some((u) => names.has(u.a === p ? u.b : u.a));
      if (!partnerOfSibling) faults += 100;
    }
    // Between twins, nobody at all; and siblings in birth order where it costs nothing else.
    const groups = new Map<string, number[]>();
    for (const c of sib.children) {
      const i = at.get(c.key);
      if (i === undefined) continue;
      if (c.twin) groups.set(c.twin.group, [...(groups.get(c.twin.group) ?? []), i]);
    }
    for (const [group, list] of groups) {
      for (let i = Math.min(...list) + 1; i < Math.max(...list); i++) if (sib.children.find((c) => c.key === members[i])?.twin?.group !== group) faults += 100;
    }
    for (let a = 0; a < sib.children.length; a++) for (let b = a + 1; b < sib.children.length; b++) {
      const ia = at.get(sib.children[a]!.key);
      const ib = at.get(sib.children[b]!.key);
      if (ia !== undefined && ib !== undefined && ia > ib) faults += 1;
    }
  }
  for (const m of members) for (const u of ctx.model.unionsOf.get(m) ?? []) if (u.a === m && at.has(u.b) && Math.abs(at.get(u.b)! - at.get(m)!) > 1) faults += 3;
  return faults;
}

/**
 * The barycentric sweeps count crossings, not meaning: afterwards each row is repaired greedily, mirroring a
 * partner chain or moving a unit to either end of a sibship, while that lowers the row's faults (intruders
 * weigh most) without adding crossings. Bounded: a few rounds per row.
 */
function repairRows(ctx: Ctx): void {
  for (let r = 0; r < ctx.rows.length; r++) {
    let changed = false;
    for (let round = 0; round < 12; round++) {
      const before = rowFaults(ctx, r);
      if (before === 0) break;
      // Only the lines from the row above count: the rows below are ordered afresh from this one.
      const crossingsBefore = countCrossings(ctx, r);
      const original = ctx.rows[r]!;
      const candidates: Array<() => void> = [];
      for (const u of original) {
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
      // Each unit moved next to either end of every sibship on the row.
      const sibs = new Set<SibRec>();
      for (const u of original) for (const m of ctx.units[u]!.members) {
        const sib = ctx.model.sibOf.get(m);
        if (sib) sibs.add(sib);
      }
      for (const sib of sibs) {
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
      let best: { faults: number; rows: number[]; members: string[][] } | undefined;
      const membersNow = ctx.units.map((u) => u.members);
      for (const apply of candidates) {
        ctx.units.forEach((u, i) => (u.members = [...membersNow[i]!]));
        ctx.rows[r] = original;
        apply();
        recomputePositions(ctx);
        const faults = rowFaults(ctx, r);
        if (faults < (best?.faults ?? before) && countCrossings(ctx, r) <= crossingsBefore + (before - faults >= 100 ? 2 : 0)) {
          best = { faults, rows: [...ctx.rows[r]!], members: ctx.units.map((u) => [...u.members]) };
        }
      }
      ctx.units.forEach((u, i) => (u.members = best ? best.members[i]! : membersNow[i]!));
      ctx.rows[r] = best ? best.rows : original;
      recomputePositions(ctx);
      if (!best) break;
      changed = true;
    }
    if (changed) {
      for (let below = r + 1; below < ctx.rows.length; below++) orderRow(ctx, below, 'down');
      recomputePositions(ctx);
    }
  }
}

// ---------- sizes of each person's footprint ----------

interface Footprint {
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

function shapeOf(p: GenogramPerson): SymbolShape {
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

function footprint(p: GenogramPerson): Footprint {
  const shape = shapeOf(p);
  const half = shape === 'triangle' ? 15 : shape === 'miscarriage' || shape === 'termination' || shape === 'stillbirth' ? 9 : HALF;
  const nameLines = wrapText(p.name ?? p.key, NAME_MAX_WIDTH, FONT.name, 2);
  const nameWidth = Math.max(0, ...nameLines.map((l) => textWidth(l, FONT.name)));
  const born = p.born !== undefined && Number.isFinite(p.born) ? String(p.born) : undefined;
  const died = p.died !== undefined && Number.isFinite(p.died) ? String(p.died) : undefined;
  const age = p.pregnancy ? undefined : ageText(p.age);
  const outline = p.index ? 4 : 0;
  const left = Math.max(half + outline, nameWidth / 2, born ? 2 + textWidth(born, FONT.year) : 0) + 5;
  const right = Math.max(half + outline, nameWidth / 2, died ? 2 + textWidth(died, FONT.year) : 0) + 5;
  return { half, shape, nameLines, nameWidth, born, died, age, left, right };
}

function unionLabelLines(u: UnionRec): string[] {
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

interface Placement {
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

function place(ctx: Ctx, prints: Map<string, Footprint>, unionLabels: Map<string, string[]>): Placement {
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
            gap = Math.max(gap, died + born + labelWidth + 8);
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

// ---------- the whole layout ----------

interface Interval {
  x1: number;
  x2: number;
  track: number;
}

function assignTracks(items: Interval[], gap: number): number {
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

const round1 = (v: number): number => Math.round(v * 10) / 10;

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
  for (const k of model.keys) prints.set(k, footprint(model.people.get(k) as GenogramPerson));
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

// ---------- emotional relationships: curves that go round other symbols ----------

function quad(p0: Point, c: Point, p1: Point, steps: number): Point[] {
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
function edgePoint(p: PersonLayout, toward: Point): Point {
  const dx = toward.x - p.cx;
  const dy = toward.y - p.cy;
  const len = Math.hypot(dx, dy) || 1;
  const r = p.half + (p.person.index ? 4 : 0) + 3;
  // Squares reach further along the diagonals.
  const k = p.shape === 'square' || p.shape === 'other' ? Math.min(1 / Math.max(Math.abs(dx / len), Math.abs(dy / len)), 1.42) : 1;
  return { x: p.cx + (dx / len) * r * k, y: p.cy + (dy / len) * r * k };
}

/** Boxes bucketed on a coarse grid, so a query looks only near where it is. */
class BoxGrid<T> {
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

function routeRelationships(genogram: Genogram, layout: GenogramLayout): RelationshipLayout[] {
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
    const spent = obstacles.work + lines.work > 4_000_000;
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
      const corridor = corridorRoute(layout, a, b);
      if (symbolHits(obstacles, corridor, rel) === 0) best = { cost: 0, points: corridor };
    }
    out.push({ relationship: rel, points: best.points });
    // Later lines go round this one too.
    for (let i = 4; i < best.points.length - 4; i += 4) obstacles.add(inflate(boundsOf([best.points[i]!, best.points[i + 1]!]), 3), { weight: 500 });
  }
  return out;
}

/** How far an emotional line keeps from other people's symbols. */
const RELATION_CLEARANCE = 10;

function symbolHits(obstacles: BoxGrid<{ owner?: string; symbol?: boolean }>, points: Point[], rel: GenogramRelationship): number {
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
 * `b`'s row, and down into `b`. Sampled finely, so that patterns and arrowheads follow each leg.
 */
function corridorRoute(layout: GenogramLayout, a: PersonLayout, b: PersonLayout): Point[] {
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
      const boxes = layout.people.filter((p) => p.row === r).map((p) => [p.symbol.x - RELATION_CLEARANCE, p.symbol.x + p.symbol.width + RELATION_CLEARANCE] as const);
      free = free.flatMap(([x1, x2]) => {
        const out: Array<[number, number]> = [];
        let start = x1;
        for (const [b1, b2] of [...boxes].sort((m, n) => m[0] - n[0])) {
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
  // Sampled finely, at most 8 px a step, and with no repeated points.
  const out: Point[] = [];
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    if (i > 0) {
      const q = pts[i - 1]!;
      const steps = Math.ceil(Math.hypot(p.x - q.x, p.y - q.y) / 8);
      for (let k = 1; k < steps; k++) out.push({ x: round1(q.x + ((p.x - q.x) * k) / steps), y: round1(q.y + ((p.y - q.y) * k) / steps) });
    }
    const last = out[out.length - 1];
    if (!last || Math.hypot(last.x - p.x, last.y - p.y) > 0.05) out.push({ x: round1(p.x), y: round1(p.y) });
  }
  return out;
}

function inflate(b: Box, d: number): Box {
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

// ---------- households: the outline of the members' padded boxes joined by necks ----------

function shapeHouseholds(genogram: Genogram, layout: GenogramLayout): HouseholdLayout[] {
  const out: HouseholdLayout[] = [];
  (genogram.households ?? []).forEach((household, index) => {
    const members = [...new Set(household.members ?? [])].map((k) => layout.byKey.get(k)).filter((p): p is PersonLayout => p !== undefined);
    if (!members.length) return;
    const memberSet = new Set(members.map((m) => m.key));
    const pad = 7 + index * 5;
    const blobs = members.map((m) => {
      const parts: Box[] = [m.symbol];
      if (m.name) parts.push(m.name);
      if (m.born) parts.push(m.born);
      if (m.died) parts.push(m.died);
      const b = boundsOf(parts.flatMap((p) => [{ x: p.x, y: p.y }, { x: p.x + p.width, y: p.y + p.height }]));
      return inflate(b, pad);
    });
    const others = layout.people.filter((p) => !memberSet.has(p.key)).map((p) => inflate(p.symbol, 4));
    const otherLabels = layout.labels.filter((l) => l.kind === 'name' && !memberSet.has(l.owner)).map((l) => inflate(l, 2));
    const hitsOthers = (path: Point[]): number => {
      let hits = 0;
      const bb = inflate(boundsOf(path), 8);
      for (const o of [...others, ...otherLabels]) {
        if (!boxesOverlap(bb, o)) continue;
        for (let i = 1; i < path.length; i++) if (segmentHitsBox(path[i - 1]!, path[i]!, inflate(o, 6))) {
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
    out.push({ household, index, blobs: blobs.map((b) => ({ x: round1(b.x), y: round1(b.y), width: round1(b.width), height: round1(b.height) })), bridges, connectors, neck: 12 + index * 2 });
  });
  // Larger outlines first, so nested ones stay visible.
  return out.sort((a, b) => b.index - a.index);
}
