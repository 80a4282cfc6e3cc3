// analyse() against a bare remark parse of the same text, timed in the same run; prints ratios (target <= 1.25).
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyse } from '../src/core/index';
import { generateCase } from './generate';
import { median, time } from './measure';

const bare = unified().use(remarkParse).freeze();
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function heapPerMb(run: () => unknown, bytes: number): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = run();
  const after = process.memoryUsage().heapUsed;
  if (kept === undefined) throw new Error('unreachable');
  return (after - before) / 1024 / 1024 / (bytes / 1024 / 1024);
}

export function benchAnalyse(): number {
const sizes = [100, 1_000, 10_000];
let worst = 0;
console.log('lines   KB      parse ms  analyse ms  ratio  heap MB/MB (parse, analyse)');
for (const lines of sizes) {
  const text = generateCase(lines);
  const path = 'bench.case.md';
  const rounds = lines <= 100 ? 41 : lines <= 1_000 ? 15 : 7;
  for (let i = 0; i < 3; i++) {
    bare.parse(text);
    analyse(text, { path });
  }
  const parseTimes: number[] = [];
  const analyseTimes: number[] = [];
  // Interleaved, so that a noisy moment on the machine hits both sides alike.
  for (let i = 0; i < rounds; i++) {
    parseTimes.push(time(() => bare.parse(text)));
    analyseTimes.push(time(() => analyse(text, { path })));
  }
  const parseMs = median(parseTimes);
  const analyseMs = median(analyseTimes);
  const ratio = analyseMs / parseMs;
  worst = Math.max(worst, ratio);
  const bytes = Buffer.byteLength(text);
  const heapParse = heapPerMb(() => bare.parse(text), bytes);
  const heapAnalyse = heapPerMb(() => analyse(text, { path }), bytes);
  console.log(
    `${String(lines).padEnd(7)} ${(bytes / 1024).toFixed(0).padEnd(7)} ${parseMs.toFixed(2).padEnd(9)} ${analyseMs.toFixed(2).padEnd(11)} ${ratio.toFixed(2).padEnd(6)} ${heapParse.toFixed(1)}, ${heapAnalyse.toFixed(1)}`,
  );
}
console.log(`worst ratio analyse/parse: ${worst.toFixed(2)} (target <= 1.25)`);
return worst;
}
