// The hard families (test/fixtures/genograms/hard): blended families, half-siblings on both sides, fostering
// beside birth children, twins with an in-law, cousin marriage, remarriage chains, 60 and 100 people, and seeded
// random families. Each is laid out and checked on the layout model (invariants.ts): no line through a third person,
// no intruder in a sibship, nobody between twins, no near-parallel bars, households round their members only.
// Crossings of kinship lines are counted on the model, printed, and may not grow past the ceiling recorded in
// crossings.json. The independent audit of the drawings (../shared/tools/genogram-audit.py, outside the repo, so not
// part of npm test) is `npm run audit:genograms`; its counts and the model's agree on every family here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDiagram } from '../../../src/core/genogram/grammar';
import { layoutGenogram, type GenogramLayout } from '../../../src/core/genogram/layout';
import type { Genogram } from '../../../src/core/genogram/types';
import { repoRoot } from './audit';
import { generateFamily } from './generate';
import { kinshipCrossings, kinshipProblems } from './invariants';

const folder = join(repoRoot, 'test/fixtures/genograms/hard');
const names = readdirSync(folder).filter((f) => f.endsWith('.genogram')).sort();
const ceilings = JSON.parse(readFileSync(join(folder, 'crossings.json'), 'utf8')) as Record<string, number>;
const randomSeeds = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ({ seed, size: [12, 25, 40, 60, 80, 100, 150, 300][seed - 1]! }));

function family(name: string): Genogram {
  return parseDiagram('genogram', readFileSync(join(folder, name), 'utf8'));
}

describe('hard families', function () {
  this.timeout(120_000);
  const crossings = new Map<string, number>();
  before(function () {
    for (const name of names) crossings.set(name, kinshipCrossings(layoutGenogram(family(name))));
    console.log(`      kinship-line crossings:\n        ${[...crossings].map(([name, n]) => `${name}: ${n}`).join('\n        ')}`);
  });

  it('counts a crossing of two lines, and not a line ending on another (a junction)', () => {
    const line = (x1: number, y1: number, x2: number, y2: number) => ({ path: [{ x: x1, y: y1 }, { x: x2, y: y2 }] });
    const layout = (childLines: Array<{ path: Array<{ x: number; y: number }> }>) => ({ unions: [], sibships: [], childLines }) as unknown as GenogramLayout;
    assert.equal(kinshipCrossings(layout([line(0, 0, 100, 100), line(0, 100, 100, 0)])), 1);
    assert.equal(kinshipCrossings(layout([line(0, 50, 100, 50), line(50, 50, 50, 120)])), 0);
    assert.equal(kinshipCrossings(layout([line(0, 50, 100, 50), line(0, 60, 100, 60)])), 0);
  });

  it('has at least eight families, and a ceiling of crossings for each', () => {
    assert.ok(names.length >= 8, `${names.length} families`);
    for (const name of names) assert.equal(typeof ceilings[name], 'number', `crossings.json has no ceiling for ${name}`);
  });

  for (const name of names) {
    describe(name, () => {
      it('holds the kinship invariants on the layout', () => {
        const genogram = family(name);
        assert.deepEqual(genogram.problems, [], 'the family reads without problems');
        assert.deepEqual(kinshipProblems(genogram, layoutGenogram(genogram)), []);
      });
      it('crosses kinship lines no more often than recorded', () => {
        const n = crossings.get(name)!;
        assert.ok(n <= ceilings[name]!, `${n} crossings, more than the ${ceilings[name]} recorded in crossings.json`);
      });
    });
  }

  for (const { seed, size } of randomSeeds) {
    it(`random family ${seed} of ${size} people: the invariants`, () => {
      const { genogram } = generateFamily(seed, size);
      assert.deepEqual(kinshipProblems(genogram, layoutGenogram(genogram)), []);
    });
  }
});
