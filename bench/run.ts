// `npm run bench`: every benchmark, each against a baseline measured in the same run; summary last.
import { benchAnalyse } from './analyse.bench';
import { benchEdit } from './edit.bench';
import { benchGenogram } from './genogram.bench';
import { benchGrade } from './grade.bench';

console.log('# Re-analysis after a one-character edit (incremental parse)');
const edit = benchEdit();
console.log('\n# analyse() against a bare remark parse');
const analyse = benchAnalyse();
const genogram = benchGenogram();
console.log('\n# Grading 500 submissions: worker threads against one thread');
const grading = benchGrade();
console.log('\n# Summary');
console.log(`edit/full re-analysis, worst: ${edit.toFixed(3)} (target <= 0.10) ${edit <= 0.1 ? 'ok' : 'OVER'}`);
console.log(`analyse/parse, worst ratio: ${analyse.toFixed(2)} (target <= 1.25) ${analyse <= 1.25 ? 'ok' : 'OVER'}`);
console.log(genogram);
// The issue asks for this ratio last.
console.log(`grade workers/one thread, 500 submissions: ${grading.toFixed(2)} (target <= 0.65) ${grading <= 0.65 ? 'ok' : 'OVER'}`);
