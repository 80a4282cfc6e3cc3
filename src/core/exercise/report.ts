// A cohort's results: one row per submission (identified by file name, never by content), as CSV and as a
// self-contained, accessible HTML page with no external resources.
import { analyse, incompleteRuleIds } from '../analyse';
import { escapeXml } from '../genogram/draw';
import { judgeRubric, type Exercise } from './read';

export type Cell = 'met' | 'not yet' | 'to mark';

export interface SubmissionRow {
  file: string;
  /** Why the submission could not be read or judged; then it has no results. */
  error?: string;
  cells: Cell[];
  details: string[];
  messages: Array<{ line: number; column: number; ruleId: string; reason: string }>;
}

/** Judges one submission's text against the rubric; never throws. */
export function gradeSubmission(exercise: Exercise, file: string, text: string): SubmissionRow {
  try {
    const analysis = analyse(text, { path: file.endsWith('.case.md') ? file : `${file}.case.md` });
    // Not fully analysed: no check can be met on part of a file, and the reason is the row's error.
    const stopped = analysis.messages.find((m) => incompleteRuleIds.has(m.ruleId));
    if (stopped) return failedRow(exercise, file, `not fully analysed: ${stopped.line ?? 1}:${stopped.column ?? 1}: ${stopped.reason}`);
    const results = judgeRubric(exercise, analysis, text);
    return {
      file,
      cells: results.map((r) => (!r.result ? 'to mark' : r.result.met ? 'met' : 'not yet')),
      details: results.map((r) => r.result?.detail ?? ''),
      messages: analysis.messages.map((m) => ({ line: m.line ?? 0, column: m.column ?? 0, ruleId: m.ruleId, reason: m.reason })),
    };
  } catch (error) {
    return failedRow(exercise, file, error instanceof Error ? error.message : String(error));
  }
}

export function failedRow(exercise: Exercise, file: string, reason: string): SubmissionRow {
  return { file, error: reason, cells: exercise.rubric.map((r): Cell => (r.check ? 'not yet' : 'to mark')), details: exercise.rubric.map(() => ''), messages: [] };
}

function csvField(value: string): string {
  // Quote every field; a leading =, +, - or @ is neutralised so that a spreadsheet never runs a file name as a formula.
  // A tab or carriage return first is a formula lead too (OWASP's list).
  const safe = /^(?:[=+\-@\t\r\n]|\s+[=+\-@])/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function cohortCsv(exercise: Exercise, rows: SubmissionRow[]): string {
  const head = ['file', ...exercise.rubric.map((r) => r.id), 'machine checks met', 'machine checks', 'error'];
  const machine = exercise.rubric.filter((r) => r.check).length;
  const lines = [head.map(csvField).join(',')];
  for (const row of rows) {
    const met = row.cells.filter((c) => c === 'met').length;
    lines.push([row.file, ...row.cells, String(met), String(machine), row.error ?? ''].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The checks most often not met, most common first (machine checks only). */
export function commonGaps(exercise: Exercise, rows: SubmissionRow[]): Array<{ id: string; description: string; count: number }> {
  return exercise.rubric
    .map((item, n) => ({ id: item.id, description: item.description, count: item.check ? rows.filter((r) => !r.error && r.cells[n] === 'not yet').length : 0 }))
    .filter((g) => g.count > 0)
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

const style = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #1f1f1f; background: #fff; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .35rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
.met { background: #e6f4ea; }
.not-met { background: #fdecea; }
.to-mark { background: #fff8e1; }
.error { background: #fdecea; font-weight: 600; }
.person { font-style: italic; }
td.met, td.not-met, td.to-mark { white-space: nowrap; }
section.learner { margin-top: 1.5rem; }
@media (prefers-color-scheme: dark) { body { background: #1e1e1e; color: #e6e6e6; } thead th { background: #333; } .met { background: #1f3b2a; } .not-met, .error { background: #4a2323; } .to-mark { background: #4a3f1f; } }
`;

const cellText: Record<Cell, string> = { met: '✓ met', 'not yet': '✗ not yet', 'to mark': 'to mark' };

/** The report page: every text escaped, no script, no external resources. */
export function cohortHtml(exercise: Exercise, rows: SubmissionRow[]): string {
  const e = escapeXml;
  const anchor = (n: number): string => `learner-${n + 1}`;
  const machine = exercise.rubric.filter((r) => r.check).length;
  const gaps = commonGaps(exercise, rows);
  const personItems = exercise.rubric.filter((r) => !r.check);
  const head = exercise.rubric.map((r) => `<th scope="col" title="${e(r.description)}">${e(r.id)}${r.check ? '' : ' <span class="person">(a person marks)</span>'}</th>`).join('');
  const body = rows
    .map((row, n) => {
      if (row.error) return `<tr><th scope="row"><a href="#${anchor(n)}">${e(row.file)}</a></th><td class="error" colspan="${exercise.rubric.length + 1}">Could not be checked: ${e(row.error)}</td></tr>`;
      const met = row.cells.filter((c) => c === 'met').length;
      const cells = row.cells.map((c, i) => `<td class="${c.replace(' ', '-')}" title="${e(row.details[i] ?? '')}">${cellText[c]}</td>`).join('');
      return `<tr><th scope="row"><a href="#${anchor(n)}">${e(row.file)}</a></th>${cells}<td>${met} of ${machine}</td></tr>`;
    })
    .join('\n');
  const learners = rows
    .map((row, n) => {
      const items = row.error
        ? `<p>Could not be checked: ${e(row.error)}</p>`
        : `<ul>${exercise.rubric.map((r, i) => `<li>${e(r.id)}: ${cellText[row.cells[i] as Cell]}${row.details[i] ? ` (${e(row.details[i] as string)})` : ''}</li>`).join('')}</ul>` +
          (row.messages.length > 0 ? `<details><summary>${row.messages.length} CaseMark prompts</summary><ul>${row.messages.map((m) => `<li>${m.line}:${m.column} ${e(m.ruleId)}: ${e(m.reason)}</li>`).join('')}</ul></details>` : '<p>No CaseMark prompts.</p>');
      return `<section class="learner" id="${anchor(n)}"><h3>${e(row.file)}</h3>${items}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(exercise.title)}: cohort report</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>${e(exercise.title)}: cohort report</h1>
<p>${rows.length} submissions, identified by file name. ${machine} checks are judged by CaseMark; ${personItems.length === 0 ? 'none is left for a person' : `${personItems.length} ${personItems.length === 1 ? 'is' : 'are'} for a person to mark: ${personItems.map((r) => e(r.description.replace(/[.\s]+$/, ''))).join('; ')}`}.</p>
<h2>Most common gaps</h2>
${gaps.length === 0 ? '<p>Every submission met every check CaseMark judges.</p>' : `<ol>${gaps.map((g) => `<li>${e(g.description)} (<code>${e(g.id)}</code>): not yet met in ${g.count} of ${rows.filter((r) => !r.error).length}</li>`).join('')}</ol>`}
<h2>Results</h2>
<table>
<caption>One row per submission, one column per check</caption>
<thead><tr><th scope="col">Submission</th>${head}<th scope="col">Checks met</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
<h2>Each submission</h2>
${learners}
</main>
</body>
</html>
`;
}
