// `npm run audit:genograms`: the hard families (test/fixtures/genograms/hard) and eight seeded random families drawn
// and read by the independent geometry audit (../shared/tools/genogram-audit.py, or $GENOGRAM_AUDIT; it lives outside
// the repo, so npm test checks the same things on the layout model instead). Writes the SVGs to
// test-artifacts/genograms/hard and prints one line per drawing; exits 1 on a line through a person, an intruder in a
// sibship, near-parallel bars or more crossings than crossings.json records.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { drawGenogram, svgText } from '../src/core/genogram/draw';
import { parseDiagram } from '../src/core/genogram/grammar';
import { auditSvgs, repoRoot } from '../test/unit/genogram/audit';
import { generateFamily } from '../test/unit/genogram/generate';

const folder = join(repoRoot, 'test/fixtures/genograms/hard');
const ceilings = JSON.parse(readFileSync(join(folder, 'crossings.json'), 'utf8')) as Record<string, number>;
const svgs = [
  ...readdirSync(folder)
    .filter((f) => f.endsWith('.genogram'))
    .sort()
    .map((name) => ({ name, svg: svgText(drawGenogram(parseDiagram('genogram', readFileSync(join(folder, name), 'utf8'))).svg, { standalone: true }) })),
  ...[12, 25, 40, 60, 80, 100, 150, 300].map((size, i) => ({ name: `random-${i + 1}-${size}`, svg: svgText(drawGenogram(generateFamily(i + 1, size).genogram).svg, { standalone: true }) })),
];
let bad = 0;
for (const [name, r] of auditSvgs(join(repoRoot, 'test-artifacts/genograms/hard'), svgs)) {
  const over = ceilings[name] !== undefined && r.crossings > ceilings[name];
  const wrong = r.through.length > 0 || r.intruders.length > 0 || r.parallels > 0 || over;
  if (wrong) bad++;
  console.log(`${wrong ? 'FAIL' : 'ok  '} ${name}: people=${r.people} crossings=${r.crossings} through=${r.through.length} parallels=${r.parallels} intruders=${r.intruders.length} far=${r.far.length}`);
}
process.exit(bad > 0 ? 1 : 0);
