// Geometry of the automatic layout, on the hand-written fixture families and on seeded random ones:
// no symbol overlaps another, no label overlaps a symbol or a label, every child below each parent, partners
// side by side, children in birth order, the same picture every time.
import assert from 'node:assert/strict';
import { parseDiagram } from '../../../src/core/genogram/grammar';
import { isotonicWithGaps, layoutGenogram, textWidth, wrapText, type Box, type GenogramLayout } from '../../../src/core/genogram/layout';
import type { Genogram } from '../../../src/core/genogram/types';
import { fixture, fixtureNames, generateFamily, random } from './generate';

interface Named extends Box {
  what: string;
}

/** Pairs of boxes that overlap by more than a hair, found by a sweep along x. */
function overlaps(boxes: Named[], skip: (a: Named, b: Named) => boolean = () => false): string[] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const found: string[] = [];
  const eps = 0.5;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.x >= a.x + a.width - eps) break;
      if (b.y < a.y + a.height - eps && a.y < b.y + b.height - eps && !skip(a, b)) found.push(`${a.what} overlaps ${b.what}`);
    }
  }
  return found;
}

/** Everything wrong with a layout, as sentences (empty when all is well). */
export function geometryProblems(genogram: Genogram, layout: GenogramLayout): string[] {
  const problems: string[] = [];
  const symbols: Named[] = layout.people.map((p) => ({ ...p.symbol, what: `symbol ${p.key}` }));
  problems.push(...overlaps(symbols));
  const labels: Named[] = layout.labels.filter((l) => l.kind !== 'age').map((l) => ({ x: l.x, y: l.y, width: l.width, height: l.height, what: `${l.kind} label of ${l.owner}` }));
  problems.push(...overlaps(labels));
  problems.push(...overlaps([...symbols, ...labels], (a, b) => a.what.startsWith('symbol') === b.what.startsWith('symbol')));
  for (const p of genogram.people) if (!layout.byKey.has(p.key)) problems.push(`${p.key} is not drawn`);
  for (const link of genogram.children) {
    const child = layout.byKey.get(link.child);
    for (const parent of link.parents) {
      const p = layout.byKey.get(parent);
      if (child && p && child.cy <= p.cy) problems.push(`${link.child} is not below their parent ${parent}`);
    }
  }
  const unionCount = new Map<string, number>();
  const pairs = new Set<string>();
  for (const u of genogram.unions) {
    const [a, b] = u.partners;
    const key = [a, b].sort().join('+');
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    for (const k of [a, b]) unionCount.set(k, (unionCount.get(k) ?? 0) + 1);
  }
  for (const u of genogram.unions) {
    const [a, b] = u.partners;
    if (a === b || unionCount.get(a) !== 1 || unionCount.get(b) !== 1) continue;
    const pa = layout.byKey.get(a);
    const pb = layout.byKey.get(b);
    if (!pa || !pb) continue;
    if (pa.row !== pb.row) {
      problems.push(`partners ${a} and ${b} are on different rows`);
      continue;
    }
    const row = layout.rows[pa.row]!.keys;
    if (Math.abs(row.indexOf(a) - row.indexOf(b)) !== 1) problems.push(`someone stands between partners ${a} and ${b}`);
  }
  for (const p of layout.people) {
    for (const v of [p.cx, p.cy, p.symbol.x, p.symbol.y]) if (!Number.isFinite(v)) problems.push(`${p.key} has no place`);
    if (p.symbol.x < 0 || p.symbol.y < 0 || p.symbol.x + p.symbol.width > layout.width || p.symbol.y + p.symbol.height > layout.height) problems.push(`${p.key} is outside the picture`);
  }
  return problems;
}

function xOf(layout: GenogramLayout, key: string): number {
  const p = layout.byKey.get(key);
  assert.ok(p, `${key} is drawn`);
  return p.cx;
}

describe('genogram layout', () => {
  describe('fixture families', () => {
    for (const name of fixtureNames().filter((n) => n.endsWith('.genogram'))) {
      it(`${name}: no overlaps, children below parents, partners side by side`, () => {
        const genogram = parseDiagram('genogram', fixture(name));
        assert.deepEqual(genogram.problems, [], 'the fixture is valid');
        assert.deepEqual(geometryProblems(genogram, layoutGenogram(genogram)), []);
      });
    }

    it('puts children in birth order, oldest on the left', () => {
      const layout = layoutGenogram(parseDiagram('genogram', fixture('two-parents-three-children.genogram')));
      assert.ok(xOf(layout, 'ella') < xOf(layout, 'sam') && xOf(layout, 'sam') < xOf(layout, 'ruby'));
      // Written order is only the last resort: ages first, then explicit order.
      const byAge = layoutGenogram(parseDiagram('genogram', 'person a male 40\nperson b female 38\nperson y female 3\nperson x male 9\na + b married\ny, x children of a + b'));
      assert.ok(xOf(byAge, 'x') < xOf(byAge, 'y'));
      const byOrder = layoutGenogram(parseDiagram('genogram', 'person a male\nperson b female\nperson y female 3\nperson x male 9\ny child of a + b order 1\nx child of a + b order 2'));
      assert.ok(xOf(byOrder, 'y') < xOf(byOrder, 'x'));
    });

    it('centres a couple above their children', () => {
      const layout = layoutGenogram(parseDiagram('genogram', fixture('two-parents-three-children.genogram')));
      const mid = (xOf(layout, 'mark') + xOf(layout, 'jo')) / 2;
      assert.ok(Math.abs(mid - xOf(layout, 'sam')) < 1, 'the middle child is under the middle of the couple');
    });

    it('puts a mother with several partners between them, each sibship under its own couple', () => {
      const genogram = parseDiagram('genogram', fixture('mother-three-fathers.genogram'));
      const layout = layoutGenogram(genogram);
      const row = layout.rows[layout.byKey.get('kayleigh')!.row]!.keys;
      const k = row.indexOf('kayleigh');
      assert.equal(Math.abs(row.indexOf('tony') - k), 1, 'first partner beside her');
      assert.equal(Math.abs(row.indexOf('jamal') - k), 1, 'second partner on her other side');
      // Half-siblings grouped under the right couple: each sibship's children are contiguous on their row.
      const kids = layout.rows[layout.byKey.get('mia')!.row]!.keys;
      for (const group of [['jayden'], ['mia', 'tyler'], ['lexi', 'aaron']]) {
        const at = group.map((g) => kids.indexOf(g)).sort((a, b) => a - b);
        assert.equal(at[at.length - 1]! - at[0]!, group.length - 1, `${group.join(', ')} together`);
      }
      // Mia and Tyler hang under Kayleigh and Jamal: their centre is nearer that couple than any other.
      const jamalCouple = (xOf(layout, 'kayleigh') + xOf(layout, 'jamal')) / 2;
      const tonyCouple = (xOf(layout, 'kayleigh') + xOf(layout, 'tony')) / 2;
      const miaTyler = (xOf(layout, 'mia') + xOf(layout, 'tyler')) / 2;
      assert.ok(Math.abs(miaTyler - jamalCouple) < Math.abs(miaTyler - tonyCouple));
    });

    it('draws step-children under their birth parents and links them to the step-parent’s couple', () => {
      const layout = layoutGenogram(parseDiagram('genogram', fixture('blended-family.genogram')));
      const step = layout.childLines.filter((c) => c.kind === 'step');
      assert.deepEqual(step.map((c) => c.child).sort(), ['ben', 'josh', 'olivia']);
      assert.ok(step.every((c) => !c.primary));
      const couple = layout.unions.find((u) => u.partners.includes('claire') && u.partners.includes('dean'))!;
      const bar = layout.sibships.find((s) => s.secondary && s.kind === 'step');
      assert.ok(bar && bar.stem[0]!.x === couple.drop.x, 'the step bar starts at Claire and Dean’s couple line');
      // Ava, their child together, sits between the two families' children.
      assert.ok(xOf(layout, 'josh') < xOf(layout, 'ava') && xOf(layout, 'ava') < xOf(layout, 'ben'));
    });

    it('forks twins from one point, with a bar for identical twins', () => {
      const layout = layoutGenogram(parseDiagram('genogram', fixture('twins.genogram')));
      const lines = layout.childLines.filter((c) => c.twin);
      const harry = lines.find((c) => c.child === 'harry')!;
      const jack = lines.find((c) => c.child === 'jack')!;
      assert.deepEqual(harry.path[0], jack.path[0], 'one fork point');
      assert.equal(layout.sibships.flatMap((s) => s.twinBars).length, 1, 'one identical-twin bar');
      assert.ok(xOf(layout, 'jack') < xOf(layout, 'grace') && xOf(layout, 'evie') < xOf(layout, 'noah'), 'birth order with twins together');
    });
  });

  describe('random valid families', () => {
    it('keep every geometric promise (60 seeded families, 5 to 150 people)', function () {
      this.timeout(120_000);
      const rnd = random(2024);
      for (let seed = 1; seed <= 60; seed++) {
        const size = 5 + Math.floor(rnd() * 146);
        const { genogram, text } = generateFamily(seed, size);
        assert.deepEqual(genogram.problems, [], `seed ${seed}: generated text is valid\n${text}`);
        const problems = geometryProblems(genogram, layoutGenogram(genogram));
        assert.deepEqual(problems.slice(0, 5), [], `seed ${seed}, ${genogram.people.length} people`);
      }
    });

    it('keep them at 300 people too', function () {
      this.timeout(120_000);
      for (const seed of [301, 302, 303]) {
        const { genogram } = generateFamily(seed, 300);
        assert.ok(genogram.people.length >= 300);
        assert.deepEqual(geometryProblems(genogram, layoutGenogram(genogram)).slice(0, 5), [], `seed ${seed}`);
      }
    });

    it('are laid out the same way every time', () => {
      const { genogram } = generateFamily(99, 80);
      const a = layoutGenogram(genogram);
      const b = layoutGenogram(structuredClone(genogram));
      assert.deepEqual(
        a.people.map((p) => [p.key, p.cx, p.cy]),
        b.people.map((p) => [p.key, p.cx, p.cy]),
      );
    });
  });

  describe('helpers', () => {
    it('pool-adjacent-violators keeps order and gaps, and is exact', () => {
      assert.deepEqual(isotonicWithGaps([0, 0, 0], [1, 1, 1], [10, 10]), [-10, 0, 10]);
      assert.deepEqual(isotonicWithGaps([0, 100], [1, 1], [10]), [0, 100]);
      assert.deepEqual(isotonicWithGaps([5, 0], [3, 1], [0]), [3.75, 3.75]);
      const xs = isotonicWithGaps([30, 10, 20, 0], [1, 2, 1, 1], [5, 5, 5]);
      for (let i = 1; i < xs.length; i++) assert.ok(xs[i]! - xs[i - 1]! >= 5 - 1e-9);
    });

    it('wraps and shortens long names, keeping within the width', () => {
      const lines = wrapText('Alexandra-Josephine Montgomery-Fotheringham the Third of Her Name', 104, 11, 2);
      assert.equal(lines.length, 2);
      assert.ok(lines[1]!.endsWith('…'));
      for (const l of lines) assert.ok(textWidth(l, 11) <= 104 + 1e-9, l);
      assert.deepEqual(wrapText('Amy', 104, 11), ['Amy']);
      assert.deepEqual(wrapText('   ', 104, 11), []);
    });
  });
});
