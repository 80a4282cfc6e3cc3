// `npm run bench`: every benchmark, each against a baseline measured in the same run; summary last.
import { benchAnalyse } from './analyse.bench';
import { benchEdit } from './edit.bench';
import { benchGenogram } from './genogram.bench';
import { benchGrade } from './grade.bench';
import { benchLint } from './lint.bench';

console.log('# Re-analysis after a one-character edit (incremental parse)');
const edit = benchEdit();
console.log('\n# analyse() against a bare remark parse');
const analyse = benchAnalyse();
const genogram = benchGenogram();
console.log('\n# Grading 500 submissions: worker threads against one thread');
const grading = benchGrade();
console.log('\n# casemark lint against markdownlint-cli2; pathological inputs; grading against lint');
const lint = benchLint();
console.log('\n# Summary');
console.log(`edit/full re-analysis, worst: ${edit.toFixed(3)} (target <= 0.10) ${edit <= 0.1 ? 'ok' : 'OVER'}`);
console.log(`analyse/parse, worst ratio: ${analyse.toFixed(2)} (target <= 1.25) ${analyse <= 1.25 ? 'ok' : 'OVER'}`);
console.log(genogram);
console.log(`lint/markdownlint-cli2, 300 submissions: ${lint.manyFiles.toFixed(2)} (target < 1.0) ${lint.manyFiles < 1 ? 'ok' : 'OVER'}`);
console.log(`lint/markdownlint-cli2, 1,500 hypotheses: ${lint.longList.toFixed(2)} (target < 1.0) ${lint.longList < 1 ? 'ok' : 'OVER'}`);
console.log(`pathological inputs within budget: ${lint.pathologicalOk ? 'ok' : 'OVER'}`);
console.log(`grade/lint, same workers: ${lint.gradePerLint.toFixed(2)} (target <= 1.2) ${lint.gradePerLint <= 1.2 ? 'ok' : 'OVER'}`);
console.log(`memory per worker: ${lint.workerMb.toFixed(0)} MB (target < 150) ${lint.workerMb < 150 ? 'ok' : 'OVER'}`);
// Issue 16 replaced the old target here (<= 0.65, at the machine's limit once V8's own threads count) by grade/lint above.
console.log(`grade workers/one thread, 500 submissions: ${grading.toFixed(2)} (for information: cost per submission is the target, grade/lint above)`);
