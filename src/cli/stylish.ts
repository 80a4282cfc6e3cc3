// The default report: the layout of vfile-reporter (file, then place, severity, reason, rule and source in aligned
// columns, then a count), written directly. vfile-reporter measures every string's display width and took about a
// second on 300 files; case files' messages are CaseMark's own wording, so plain lengths align them.
import type { VFile } from 'vfile';
import type { CaseMessage } from '../core/index';

const labels: Record<CaseMessage['severity'], string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

function placeOf(m: CaseMessage): string {
  const place = m.place;
  if (place && 'start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`;
  return `${m.line ?? 1}:${m.column ?? 1}`;
}

export function stylish(files: readonly VFile[], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let total = 0;
  for (const file of files) {
    const messages = file.messages as CaseMessage[];
    if (messages.length === 0) {
      out.push(`${color ? '\u001b[4m' : ''}${file.path}${color ? '\u001b[24m' : ''}: no issues found`);
      continue;
    }
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(color ? `\u001b[4m${file.path}\u001b[24m` : file.path);
    const rows = messages.map((m) => [placeOf(m), labels[m.severity] ?? 'warning', m.reason, m.ruleId ?? '', m.source ?? ''] as const);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
    for (const [i, row] of rows.entries()) {
      const severity = messages[i]?.severity;
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      total++;
      const label = row[1].padEnd(widths[1] as number);
      const painted = severity === 'error' ? paint(31, label) : severity === 'warning' ? paint(33, label) : label;
      out.push(`${row[0].padEnd(widths[0] as number)} ${painted} ${row[2].padEnd(widths[2] as number)}  ${row[3].padEnd(widths[3] as number)}  ${row[4]}`.trimEnd());
    }
    out.push('');
  }
  if (total > 0) {
    if (out[out.length - 1] !== '') out.push('');
    const parts = [errors > 0 ? `${paint(31, '✖')} ${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings > 0 ? `${paint(33, '⚠')} ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean);
    out.push(`${total} ${total === 1 ? 'message' : 'messages'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`);
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
