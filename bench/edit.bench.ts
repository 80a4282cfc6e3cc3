// Re-analysis after typing one character, against a full analysis of the same text, in the same run.
// Target: <= 0.10 on the 5,000-line file.
import { analyse, IncrementalParser } from '../src/core/index';
import { generateCase } from './generate';
import { median } from './measure';

const path = 'bench.case.md';

export function benchEdit(): number {
let worst = 0;
console.log('lines   full ms   edit ms   ratio   (edit = one character typed inside a hypothesis, then analyse)');
for (const lines of [1_000, 5_000]) {
  const base = generateCase(lines);
  const at = base.indexOf('may be', Math.floor(base.length / 2)) + 3;
  const texts = ['x', 'xy'].map((typed) => base.slice(0, at) + typed + base.slice(at));
  const parser = new IncrementalParser();
  analyse(base, { path, parser });
  const full: number[] = [];
  const edit: number[] = [];
  const rounds = lines <= 1_000 ? 21 : 9;
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    analyse(texts[i % 2] as string, { path });
    full.push(performance.now() - start);
    start = performance.now();
    analyse(texts[(i + 1) % 2] as string, { path, parser });
    edit.push(performance.now() - start);
  }
  const ratio = median(edit) / median(full);
  worst = Math.max(worst, ratio);
  console.log(`${String(lines).padEnd(7)} ${median(full).toFixed(1).padEnd(9)} ${median(edit).toFixed(1).padEnd(9)} ${ratio.toFixed(3)}`);
}
console.log(`worst ratio edit/full: ${worst.toFixed(3)} (target <= 0.10)`);
return worst;
}
