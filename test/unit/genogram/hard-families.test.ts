// The hard families (test/fixtures/genograms/hard): blended families, half-siblings on both sides, fostering
// beside birth children, twins with an in-law, cousin marriage, remarriage chains, 60 and 100 people, and seeded
// random families. Each is laid out, checked on the layout model (invariants.ts) and drawn, and every drawing is
// read by the independent geometry audit: no line through a third person, no intruder in a sibship, no
// near-parallel bars. Crossings are printed, and may not grow past the ceiling recorded in crossings.json.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { drawGenogram, svgText } from '../../../src/core/genogram/draw';
import { parseDiagram } from '../../../src/core/genogram/grammar';
import { layoutGenogram } from '../../../src/core/genogram/layout';
import type { Genogram } from '../../../src/core/genogram/types';
import { auditSvgs, repoRoot, type AuditResult } from './audit';
import { generateFamily } from './generate';
import { kinshipProblems } from './invariants';

const folder = join(repoRoot, 'test/fixtures/genograms/hard');
const names = readdirSync(folder).filter((f) => f.endsWith('.genogram')).sort();
const ceilings = JSON.parse(readFileSync(join(folder, 'crossings.json'), 'utf8')) as Record<string, number>;
const randomSeeds = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ({ seed, size: [12, 25, 40, 60, 80, 100, 150, 300][seed - 1]! }));

function family(name: string): Genogram {
  return parseDiagram('genogram', readFileSync(join(folder, name), 'utf8'));
}

describe('hard families', function () {
  this.timeout(120_000);
  const audits = new Map<string, AuditResult>();
  before(function () {
    const svgs = [
      ...names.map((name) => ({ name, svg: svgText(drawGenogram(family(name)).svg, { standalone: true }) })),
      ...randomSeeds.map(({ seed, size }) => ({ name: `random-${seed}-${size}`, svg: svgText(drawGenogram(generateFamily(seed, size).genogram).svg, { standalone: true }) })),
    ];
    for (const [k, v] of auditSvgs(join(repoRoot, 'test-artifacts/genograms/hard'), svgs)) audits.set(k, v);
    const table = [...audits.values()].map((r) => `${r.file.split('/').pop()}: people=${r.people} crossings=${r.crossings} through=${r.through.length} parallels=${r.parallels} intruders=${r.intruders.length} far=${r.far.length}`);
    console.log(`      audit of the drawings:\n        ${table.join('\n        ')}`);
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
      it('passes the geometry audit of its drawing', () => {
        const r = audits.get(name)!;
        assert.deepEqual(r.through, [], 'lines through a third person');
        assert.deepEqual(r.intruders, [], 'intruders in sibships');
        assert.equal(r.parallels, 0, 'near-parallel kinship lines');
        assert.ok(r.crossings <= ceilings[name]!, `${r.crossings} crossings, more than the ${ceilings[name]} recorded in crossings.json`);
      });
    });
  }

  for (const { seed, size } of randomSeeds) {
    it(`random family ${seed} of ${size} people: invariants and audit`, () => {
      const { genogram } = generateFamily(seed, size);
      assert.deepEqual(kinshipProblems(genogram, layoutGenogram(genogram)), []);
      const r = audits.get(`random-${seed}-${size}`)!;
      assert.deepEqual(r.through, [], 'lines through a third person');
      assert.deepEqual(r.intruders, [], 'intruders in sibships');
      assert.equal(r.parallels, 0, 'near-parallel kinship lines');
    });
  }
});
