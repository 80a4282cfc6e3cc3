// Generations: partner chains as units on one row, each child below every parent, cycles in the data broken.
import { type Model } from './model';

// ---------- generations ----------

export interface Unit {
  id: number;
  members: string[];
  gen: number;
}

export function buildUnits(model: Model): { units: Unit[]; unitOf: Map<string, number> } {
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
export function linearise(members: string[], model: Model): string[] {
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
export function assignGenerations(model: Model, units: Unit[], unitOf: Map<string, number>): void {
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
