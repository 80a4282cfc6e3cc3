// Genogram layout and SVG against a remark parse of the same case file (the file holding the genogram block),
// timed in the same run; prints ms and ratios. Targets: under 50 ms at 100 people, under 200 ms at 300.
import { drawGenogram, svgText } from '../src/core/genogram/draw';
import { parseDiagram } from '../src/core/genogram/grammar';
import { parseMarkdown } from '../src/core/parse/markdown';
import { generateFamily } from '../test/unit/genogram/generate';
import { median, time } from './measure';

function caseFile(genogram: string): string {
  return ['---', 'casemark: 1', 'case: Generated family (benchmark)', '---', '', '# Case analysis', '', '## Genogram', '', '```genogram', genogram.trimEnd(), '```', ''].join('\n');
}

/** Prints a table; returns the summary line for bench/run.ts. */
export function benchGenogram(): string {
  console.log('\n# Genogram layout + SVG against a remark parse of the case file');
  console.log('people  lines  parse ms  read ms  draw ms  ratio draw/parse');
  const targets: Record<number, number> = { 100: 50, 300: 200 };
  const over: string[] = [];
  const drawn: string[] = [];
  for (const size of [10, 100, 300]) {
    const { text, genogram } = generateFamily(11, size);
    const file = caseFile(text);
    const rounds = size <= 10 ? 41 : size <= 100 ? 21 : 11;
    for (let i = 0; i < 3; i++) {
      parseMarkdown(file);
      svgText(drawGenogram(genogram).svg);
    }
    const parse: number[] = [];
    const read: number[] = [];
    const draw: number[] = [];
    // Interleaved, so that a noisy moment on the machine hits both sides alike.
    for (let i = 0; i < rounds; i++) {
      parse.push(time(() => parseMarkdown(file)));
      read.push(time(() => parseDiagram('genogram', text)));
      draw.push(time(() => svgText(drawGenogram(genogram).svg)));
    }
    const parseMs = median(parse);
    const drawMs = median(draw);
    console.log(
      `${String(genogram.people.length).padEnd(7)} ${String(text.split('\n').length).padEnd(6)} ${parseMs.toFixed(2).padEnd(9)} ${median(read).toFixed(2).padEnd(8)} ${drawMs.toFixed(2).padEnd(8)} ${(drawMs / parseMs).toFixed(2)}`,
    );
    drawn.push(`${size}: ${drawMs.toFixed(1)}`);
    const target = targets[size];
    if (target !== undefined && drawMs >= target) over.push(`${size} people`);
  }
  return `genogram draw ms by people (${drawn.join(', ')}) (targets 100: < 50, 300: < 200) ${over.length ? `OVER at ${over.join(', ')}` : 'ok'}`;
}
