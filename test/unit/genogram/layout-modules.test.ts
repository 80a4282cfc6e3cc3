// Each layout module tested on its own, by its exported functions on small families, so a fault shows in the step that made it rather than only in the finished drawing.
import assert from 'node:assert/strict';
import { parseDiagram } from '../../../src/core/genogram/grammar';
import { layoutGenogram } from '../../../src/core/genogram/layout/assemble';
import { boxesOverlap, inflate, segmentHitsBox, type Box, type Point } from '../../../src/core/genogram/layout/geometry';
import { assignGenerations, buildUnits } from '../../../src/core/genogram/layout/generations';
import { shapeHouseholds } from '../../../src/core/genogram/layout/households';
import { buildModel, type Model, type SibRec } from '../../../src/core/genogram/layout/model';
import { countCrossings, orderRows, repairRows, sibParents, type Ctx } from '../../../src/core/genogram/layout/ordering';
import { footprint, isotonicWithGaps, place, unionLabelLines, type Footprint } from '../../../src/core/genogram/layout/placement';
import { corridorRoute, routeRelationships } from '../../../src/core/genogram/layout/relationships';
import { FONT, textWidth, wrapText } from '../../../src/core/genogram/layout/text';
import type { GenogramPerson } from '../../../src/core/genogram/types';

const genogram = (source: string) => parseDiagram('genogram', source);

/** The model, units and rows as assemble.ts builds them before ordering (its setup, repeated here). */
function context(source: string): Ctx {
  const model = buildModel(genogram(source), {});
  const { units, unitOf } = buildUnits(model);
  assignGenerations(model, units, unitOf);
  const R = units.reduce((m, u) => Math.max(m, u.gen + 1), 0);
  const rows: number[][] = Array.from({ length: R }, () => []);
  const firstDecl = (u: (typeof units)[number]): number => Math.min(...u.members.map((m) => model.decl.get(m) ?? 0));
  [...units].sort((a, b) => firstDecl(a) - firstDecl(b)).forEach((u) => rows[u.gen]!.push(u.id));
  const parentSibs = new Map<string, SibRec[]>();
  for (const sib of model.sibships) for (const p of sibParents(sib)) parentSibs.set(p, [...(parentSibs.get(p) ?? []), sib]);
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
  return { model, units, unitOf, rows, pos: new Map(), parentSibs, groups };
}

/** People of a row, left to right, after ordering. */
function rowKeys(ctx: Ctx, r: number): string[] {
  return ctx.rows[r]!.flatMap((u) => ctx.units[u]!.members);
}

function sibshipOf(model: Model, child: string): SibRec {
  const sib = model.sibOf.get(child);
  assert.ok(sib, `${child} is in a sibship`);
  return sib;
}

const contains = (outer: Box, inner: Box): boolean =>
  inner.x >= outer.x - 0.1 && inner.y >= outer.y - 0.1 && inner.x + inner.width <= outer.x + outer.width + 0.1 && inner.y + inner.height <= outer.y + outer.height + 0.1;

function pathHits(path: Point[], box: Box): boolean {
  for (let i = 1; i < path.length; i++) if (segmentHitsBox(path[i - 1]!, path[i]!, box)) return true;
  return false;
}

describe('layout modules, one at a time', () => {
  describe('model.ts', () => {
    it('puts a sibship in birth order whatever the order the children are written in, and makes a couple only from +', () => {
      const model = buildModel(genogram('person a male 40\nperson b female 38\nperson y female 3\nperson x male 9\nperson z male 6\na + b married\ny, x, z children of a + b\nperson c female\nperson d male\nq child of c + d'), {});
      assert.deepEqual(sibshipOf(model, 'y').children.map((c) => c.key), ['x', 'z', 'y']);
      const ab = model.unions.find((u) => [u.a, u.b].sort().join('+') === 'a+b');
      const cd = model.unions.find((u) => [u.a, u.b].sort().join('+') === 'c+d');
      assert.equal(ab?.implicit, false, 'a + b is written');
      assert.equal(cd?.implicit, true, 'c and d only share a child: the couple is marked implicit, not guessed as married');
      assert.ok(model.people.has('q'), 'an undeclared child is still in the model');
    });
  });

  describe('generations.ts', () => {
    it('puts children one row below their parents and partners on one row, in one unit', () => {
      const model = buildModel(genogram('person g1 male\nperson g2 female\ng1 + g2 married\np child of g1 + g2\nperson s female\np + s married\nk1, k2 children of p + s'), {});
      const { units, unitOf } = buildUnits(model);
      assignGenerations(model, units, unitOf);
      const gen = (k: string): number => units[unitOf.get(k)!]!.gen;
      assert.equal(unitOf.get('p'), unitOf.get('s'), 'partners share a unit');
      assert.equal(gen('g1'), 0);
      assert.equal(gen('p'), gen('g1') + 1);
      assert.equal(gen('s'), gen('p'));
      assert.equal(gen('k1'), gen('p') + 1);
      assert.equal(gen('k2'), gen('p') + 1);
    });

    it('still ends, with every row a whole number, when someone is written as their own grandparent', () => {
      const model = buildModel(genogram('b child of a\nc child of b\na child of c'), {});
      const { units, unitOf } = buildUnits(model);
      assignGenerations(model, units, unitOf);
      const gens = ['a', 'b', 'c'].map((k) => units[unitOf.get(k)!]!.gen);
      assert.ok(gens.every((g) => Number.isInteger(g) && g >= 0));
      assert.equal(new Set(gens).size, 3, 'the broken circle is a chain of three rows');
    });
  });

  describe('ordering.ts', () => {
    // Two sibships on one row; the youngest of one marries the eldest of the other, and the eldest marries in.
    const source = [
      'person a male\nperson b female\na + b married',
      'person c male\nperson d female\nc + d married',
      'person y1 female 30\nperson y2 male 27',
      'y2, y1 children of c + d',
      'person x3 male 20\nperson x1 female 31\nperson x2 male 25',
      'x3, x1, x2 children of a + b',
      'person s male\nx1 + s married',
      'x3 + y1 married\nz child of x3 + y1',
    ].join('\n');

    it('keeps each sibship together and in birth order, with the married-in partner outside it', () => {
      const ctx = context(source);
      orderRows(ctx);
      repairRows(ctx);
      const row = rowKeys(ctx, 1);
      for (const sib of [['x1', 'x2', 'x3'], ['y1', 'y2']]) {
        const at = sib.map((k) => row.indexOf(k));
        const dir = Math.sign(at[1]! - at[0]!);
        assert.ok(at.every((p, i) => i === 0 || p - at[i - 1]! === dir), `${sib.join(', ')} stand together in birth order in ${row.join(' ')}`);
        assert.equal(dir, 1, `oldest on the left in ${row.join(' ')}`);
      }
      assert.equal(Math.abs(row.indexOf('x3') - row.indexOf('y1')), 1, `x3 beside their partner y1 in ${row.join(' ')}`);
      assert.equal(Math.abs(row.indexOf('x1') - row.indexOf('s')), 1, `x1 beside their partner s in ${row.join(' ')}`);
      assert.ok(row.indexOf('s') < row.indexOf('x1'), `s on the outer side of x1 in ${row.join(' ')}`);
    });

    it('ends with fewer or no more crossings than the order the lines were written in', () => {
      const ctx = context(source);
      ctx.rows.forEach((_, r) => {
        let i = 0;
        const count = rowKeys(ctx, r).length;
        for (const m of rowKeys(ctx, r)) ctx.pos.set(m, i++ - (count - 1) / 2);
      });
      const before = countCrossings(ctx);
      orderRows(ctx);
      repairRows(ctx);
      assert.ok(countCrossings(ctx) <= before, `${countCrossings(ctx)} crossings after ordering, ${before} before`);
      assert.equal(countCrossings(ctx), 0, 'this family can be drawn without a crossing');
    });
  });

  describe('placement.ts', () => {
    function placed(source: string): { ctx: Ctx; x: (k: string) => number } {
      const ctx = context(source);
      orderRows(ctx);
      repairRows(ctx);
      const prints = new Map<string, Footprint>();
      for (const k of ctx.model.keys) prints.set(k, footprint(ctx.model.people.get(k) as GenogramPerson));
      const labels = new Map<string, string[]>();
      for (const u of ctx.model.unions) labels.set(u.id, unionLabelLines(u));
      const p = place(ctx, prints, labels);
      const x = (k: string): number => p.ux[ctx.unitOf.get(k)!]! + (p.offsets.get(k) ?? 0);
      return { ctx, x };
    }

    it("centres a single child under their parents' couple", () => {
      const { x } = placed('person a male\nperson b female\na + b married\nperson k female 5\nk child of a + b');
      assert.ok(Math.abs(x('k') - (x('a') + x('b')) / 2) < 1, `child at ${x('k')}, couple's middle at ${(x('a') + x('b')) / 2}`);
    });

    it("centres three children as a group under their parents' couple, spaced at least a symbol apart", () => {
      const { x } = placed('person a male\nperson b female\na + b married\nperson k1 female 9\nperson k2 male 7\nperson k3 female 5\nk1, k2, k3 children of a + b');
      const mid = (x('a') + x('b')) / 2;
      assert.ok(Math.abs((x('k1') + x('k3')) / 2 - mid) < 1, `children's middle ${(x('k1') + x('k3')) / 2}, couple's ${mid}`);
      assert.ok(x('k2') - x('k1') >= 40 && x('k3') - x('k2') >= 40, 'no two symbols overlap');
    });

    it('isotonicWithGaps keeps every gap and meets the targets when they allow it', () => {
      assert.deepEqual(isotonicWithGaps([0, 100, 200], [1, 1, 1], [50, 50]), [0, 100, 200]);
      const squeezed = isotonicWithGaps([0, 10, 20], [1, 1, 1], [50, 50]);
      assert.ok(squeezed[1]! - squeezed[0]! >= 50 - 1e-9 && squeezed[2]! - squeezed[1]! >= 50 - 1e-9, `gaps kept in ${squeezed.join(', ')}`);
      assert.ok(Math.abs(squeezed[1]! - 10) < 1e-6, 'equal weights: the squeezed row stays centred on its targets');
    });
  });

  describe('relationships.ts', () => {
    const source = 'person a male\nperson b female\na + b married\nperson k1 female 12\nperson k2 male 10\nperson k3 female 8\nk1, k2, k3 children of a + b\nk1 -> k3 conflict';

    it('routes a line between two sisters around the brother standing between them', () => {
      const g = genogram(source);
      const layout = layoutGenogram(g);
      const [k1, k2, k3] = ['k1', 'k2', 'k3'].map((k) => layout.byKey.get(k)!);
      assert.ok(pathHits([{ x: k1!.cx, y: k1!.cy }, { x: k3!.cx, y: k3!.cy }], k2!.symbol), 'a straight line would pass through k2');
      const routes = routeRelationships(g, layout);
      assert.equal(routes.length, 1);
      assert.ok(!pathHits(routes[0]!.points, k2!.symbol), 'the routed line misses k2');
    });

    it('corridorRoute runs above the row and meets no symbol on its way', () => {
      const layout = layoutGenogram(genogram(source));
      const [k1, k3] = ['k1', 'k3'].map((k) => layout.byKey.get(k)!);
      const route = corridorRoute(layout, k1!, k3!);
      for (const p of layout.people) if (p !== k1 && p !== k3) assert.ok(!pathHits(route, p.symbol), `corridor route misses ${p.key}`);
      assert.ok(Math.min(...route.map((p) => p.y)) < k1!.symbol.y, 'it goes up out of the row');
    });
  });

  describe('households.ts', () => {
    it('outlines every member and keeps the outline off the brother who lives elsewhere', () => {
      const g = genogram('person a male\nperson b female\na + b married\nperson k1 female 12\nperson k2 male 10\nperson k3 female 8\nk1, k2, k3 children of a + b\nhousehold: a, b, k1, k3');
      const layout = layoutGenogram(g);
      const [h] = shapeHouseholds(g, layout);
      assert.ok(h, 'one household shaped');
      for (const k of ['a', 'b', 'k1', 'k3']) {
        const sym = layout.byKey.get(k)!.symbol;
        assert.ok(h.blobs.some((blob) => contains(blob, sym)), `${k}'s symbol is inside the outline`);
      }
      const out = layout.byKey.get('k2')!.symbol;
      for (const box of [...h.blobs, ...h.bridges]) assert.ok(!boxesOverlap(box, out), 'no box of the outline covers k2');
      for (const c of h.connectors) assert.ok(!pathHits(c, inflate(out, h.neck)), 'no connector runs over k2');
    });
  });

  describe('text.ts', () => {
    it('measures longer strings and bigger fonts as wider, and wide characters wider than narrow ones', () => {
      assert.ok(textWidth('Alexandra', FONT.name) > textWidth('Alex', FONT.name));
      assert.ok(textWidth('Alex', FONT.age) > textWidth('Alex', FONT.small));
      assert.ok(textWidth('李', FONT.name) > textWidth('L', FONT.name));
      assert.equal(textWidth('', FONT.name), 0);
    });

    it('wraps a long name into lines that fit, and cuts what does not with an ellipsis', () => {
      const lines = wrapText('Mary Elizabeth Alexandra Montgomery-Smythe', 80, FONT.name);
      assert.ok(lines.length <= 2);
      for (const l of lines) assert.ok(textWidth(l, FONT.name) <= 80, `“${l}” fits in 80`);
      assert.match(lines[lines.length - 1]!, /…$/);
      assert.deepEqual(wrapText('Ann', 80, FONT.name), ['Ann']);
    });
  });
});
