// What the exercise commands and views say and write, as plain text: no editor imports, so the logic is easy to test.
import type { Exercise, RubricResult } from '../core/exercise/index';

/** A YAML scalar for one line of frontmatter: plain when that reads back the same, else double-quoted. */
export function yamlScalar(value: string): string {
  const plain = /^[\p{L}\p{N}_(][\p{L}\p{N}_ .,'’()/+-]*$/u.test(value) && !/\s$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[-+.\d][\d.e+-]*)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** The vignette as a Markdown blockquote; a first `# heading` (the exercise's title, given above it) is left out. */
export function quoteVignette(vignette: string): string {
  const lines = vignette.replace(/\r\n?/g, '\n').replace(/^\s*\n/, '').trimEnd().split('\n');
  if (/^#\s/.test(lines[0] ?? '')) {
    lines.shift();
    while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  }
  return lines.map((line) => (line.trim() === '' ? '>' : `> ${line}`)).join('\n');
}

/**
 * A learner's new case file for an exercise: frontmatter naming the exercise, the vignette quoted, and the usual
 * sections, empty. No placeholder hypotheses or prompts in them: they would count towards the rubric's checks.
 * The quoted vignette is the trainer's words, so CaseMark's prompts are turned off around it.
 */
export function exerciseCaseText(exercise: Exercise, reference: string, date: string): string {
  const vignette = quoteVignette(exercise.vignette);
  return `---
casemark: 1
exercise: ${yamlScalar(reference)}
case: ${yamlScalar(exercise.title)}
date: ${date}
---

# Case analysis: ${exercise.title}

Write this for the child, who may read it one day.

## The vignette
${vignette ? `\n<!-- casemark-disable -->\n\n${vignette}\n\n<!-- casemark-enable -->\n` : ''}
## Dilemma

## Genogram

\`\`\`genogram
\`\`\`

## Hypotheses

## Alternative viewpoint

## Reflections

## Next steps
`;
}

/** `unmet-father.exercise.md` → `unmet-father.case.md`. */
export function suggestedCaseName(exercisePath: string): string {
  const base = exercisePath.slice(exercisePath.lastIndexOf('/') + 1);
  const stem = base.replace(/\.exercise\.md$/i, '').replace(/\.md$/i, '') || 'exercise';
  return `${stem}.case.md`;
}

/** A file's path relative to a folder, with `/`, or undefined when it is not inside it. */
export function relativePath(folderPath: string, filePath: string): string | undefined {
  const folder = folderPath.endsWith('/') ? folderPath : `${folderPath}/`;
  return filePath.startsWith(folder) && filePath.length > folder.length ? filePath.slice(folder.length) : undefined;
}

export type ItemState = 'met' | 'unmet' | 'person';

export function stateOf(result: RubricResult): ItemState {
  return result.result === undefined ? 'person' : result.result.met ? 'met' : 'unmet';
}

/** Machine checks met, machine checks, and items for a person to mark. */
export function tally(results: RubricResult[]): { met: number; checks: number; person: number } {
  const checks = results.filter((r) => r.result !== undefined);
  return { met: checks.filter((r) => r.result?.met).length, checks: checks.length, person: results.length - checks.length };
}

/** The status bar's tooltip and the checklist's summary line. */
export function tallyText(results: RubricResult[]): string {
  const { met, checks, person } = tally(results);
  const parts = [`${met} of ${checks} ${checks === 1 ? 'check' : 'checks'} met`];
  if (person > 0) parts.push(`${person} for a person to mark`);
  return parts.join(' · ');
}
