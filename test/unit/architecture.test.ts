// The layers of docs/architecture.md, held against the code's own imports: no circle between folders, and every
// import goes down a layer. A new folder must be given its layer here (and a paragraph there) before it can be used.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');

/** Bottom to top. A unit may import only from units on lower rows; units on one row are kept apart. */
export const layers: string[][] = [
  ['core/text'],
  ['core/genogram', 'core/template'],
  ['core/model'],
  ['core/parse'],
  ['core/rules'],
  ['core/viewpoint'],
  ['core/config'],
  ['core/analyse'],
  ['core/anonymise'],
  ['core/exercise'],
  ['core/index'],
  ['shared'],
  ['webview', 'extension', 'cli'],
];

/**
 * Imports that go up a layer, each with the reason it is still there. The identifying-detail rule finds details with
 * the sharing's detector; anonymise/ is one folder (detector and shareable copy) until the detector moves down.
 */
const knownUpward: Array<{ from: string; to: string; why: string }> = [
  { from: 'src/core/rules/identifying-detail.ts', to: 'src/core/anonymise/detect.ts', why: 'anonymise/detect.ts belongs in core/text; it moves when the sharing work has landed' },
];

/** The unit a file belongs to: a folder of src/core (or a loose file there, by its name), else its top folder. */
export function unitOf(file: string): string | undefined {
  const parts = file.split('/');
  if (parts[0] === 'src' && parts[1] === 'core' && parts.length >= 3) return `core/${(parts[2] as string).replace(/\.ts$/, '')}`;
  if (parts[0] === 'src' && parts.length >= 3) return parts[1];
  if (parts[0] === 'webview') return 'webview';
  return undefined;
}

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(root, folder))) {
    const path = `${folder}/${name}`;
    if (statSync(join(root, path)).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.ts$/.test(name)) found.push(path);
  }
  return found;
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(root, dirname(from), specifier);
  const target = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
  return target ? relative(root, target).split('\\').join('/') : undefined;
}

export interface Edge {
  from: string;
  to: string;
}

/** Every import between files of the project, read by TypeScript's own pre-processor (type-only imports count too). */
export function projectImports(): Edge[] {
  const edges: Edge[] = [];
  for (const file of [...sourceFiles('src'), ...sourceFiles('webview')]) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const target = resolveImport(file, fileName);
      if (target) edges.push({ from: file, to: target });
    }
  }
  return edges;
}

/** The circles in a graph of units, each as its units in order (Tarjan's strongly connected components). */
export function circles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.reverse());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

function unitGraph(edges: Edge[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (!a || !b || a === b) continue;
    graph.set(a, (graph.get(a) ?? new Set()).add(b));
    if (!graph.has(b)) graph.set(b, new Set());
  }
  return graph;
}

const layerOf = new Map(layers.flatMap((row, n) => row.map((unit) => [unit, n] as const)));

/** Imports that do not go down a layer, as "from -> to" lines. */
export function wrongWay(edges: Edge[]): string[] {
  return edges.flatMap(({ from, to }) => {
    const a = unitOf(from);
    const b = unitOf(to);
    if (!a || !b || a === b) return [];
    if (knownUpward.some((k) => k.from === from && k.to === to)) return [];
    return (layerOf.get(b) ?? Infinity) < (layerOf.get(a) ?? -Infinity) ? [] : [`${from} -> ${to} (${a} may not import ${b})`];
  });
}

describe('architecture: one layer per folder, imports only downwards', () => {
  const edges = projectImports();

  it('reads the imports it judges', () => {
    assert.ok(edges.length > 100, `only ${edges.length} imports found`);
    assert.ok(edges.some((e) => e.from === 'src/core/analyse.ts' && e.to === 'src/core/rules/engine.ts'));
  });

  it('gives every folder a layer', () => {
    const units = new Set(edges.flatMap((e) => [unitOf(e.from), unitOf(e.to)]).filter((u) => u !== undefined));
    assert.deepEqual([...units].filter((u) => !layerOf.has(u)), []);
  });

  it('has no import circle between folders, known upward imports left out', () => {
    const counted = edges.filter((e) => !knownUpward.some((k) => k.from === e.from && k.to === e.to));
    assert.deepEqual(circles(unitGraph(counted)), []);
  });

  it('imports only from lower layers', () => {
    assert.deepEqual(wrongWay(edges), []);
  });

  it('still needs each known upward import (remove it here once it is gone)', () => {
    for (const known of knownUpward) assert.ok(edges.some((e) => e.from === known.from && e.to === known.to), `${known.from} no longer imports ${known.to}`);
  });

  it('finds a circle and a wrong-way import when there is one', () => {
    assert.deepEqual(circles(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]])), [['a', 'b', 'c']]);
    assert.deepEqual(wrongWay([{ from: 'src/core/model/case.ts', to: 'src/core/rules/rule.ts' }]), ['src/core/model/case.ts -> src/core/rules/rule.ts (core/model may not import core/rules)']);
    assert.equal(wrongWay([{ from: 'webview/main.ts', to: 'src/extension/diagrams.ts' }]).length, 1, 'units on one row are kept apart');
  });
});
