// Synthetic case analyses of a chosen length, shaped like real ones: frontmatter, prose, hypotheses with evidence.
const names = ['Amy', 'Leo', 'Sara', 'Dan', 'Maya', 'Tom', 'Priya', 'Kofi'];
const sources = ['school', 'health visitor', 'GP', 'Sara', 'Dan', 'police', 'nursery', 'grandmother'];

export function generateCase(lines: number, seed = 1): string {
  let state = seed;
  const pick = <T>(list: T[]): T => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return list[state % list.length] as T;
  };
  const out: string[] = [
    '---',
    'casemark: 1',
    'case: Generated family (benchmark)',
    'people:',
    ...names.map((n, i) => `  - {name: ${n}, role: ${i < 2 ? 'child' : 'parent'}, age: ${i < 2 ? 5 + i : 30 + i}}`),
    '---',
    '',
    '# Case analysis',
    '',
    '## Dilemma',
    '',
  ];
  let section = 0;
  while (out.length < lines) {
    section++;
    out.push(`The school reports that ${pick(names)} "never misses a day", and ${pick(names)} told me about the weekend in some detail.`, '');
    out.push(`## Hypotheses ${section}`, '');
    for (let h = 1; h <= 10 && out.length < lines; h++) {
      const who = pick(names);
      out.push(`- H${section * 10 + h}: ${who} may be ${pick(['worried about', 'protecting', 'avoiding', 'caring for'])} ${pick(names)} since the move, and I may have missed it.`);
      out.push(`  - About: ${who}, worker`);
      out.push(`  - For: ${who} was seen at the gate ${h} times in October. (source: ${pick(sources)}, 2026-10-${10 + (h % 18)})`);
      out.push(`  - Against: ${pick(names)} said it is clearly not like that at home. (source: ${pick(sources)}, 2026-10-${10 + (h % 18)})`);
      out.push(`  - Test: Ask ${pick(names)} how mornings go, with ${pick(names)} present.`);
      out.push(`  - Status: ${pick(['open', 'weakened', 'supported'])}`);
    }
    out.push('');
  }
  out.push('## Next steps', '', '1. Bring the hypotheses to group supervision.', '');
  return out.join('\n');
}
