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

/** One Hypotheses section holding `count` hypotheses in one list (the 394 KB file has 1,500). */
export function generateHypothesisList(count: number): string {
  const one = generateCase(70).split('\n');
  const head = one.slice(0, one.indexOf('## Hypotheses 1') + 2);
  const out = [...head];
  for (let h = 1; h <= count; h++) {
    const who = names[h % names.length] as string;
    const other = names[(h * 3 + 1) % names.length] as string;
    out.push(`- H${h}: ${who} may be worried about ${other} since the move, and I may have missed it.`);
    out.push(`  - About: ${who}, worker`);
    out.push(`  - For: ${who} was seen at the gate ${h % 9} times in October. (source: ${sources[h % sources.length]}, 2026-10-${10 + (h % 18)})`);
    out.push(`  - Against: ${other} said it is clearly not like that at home. (source: ${sources[(h + 3) % sources.length]}, 2026-10-${10 + (h % 18)})`);
    out.push(`  - Test: Ask ${other} how mornings go, with ${who} present.`);
    out.push(`  - Status: ${['open', 'weakened', 'supported'][h % 3]}`);
  }
  out.push('', '## Next steps', '', '1. Bring the hypotheses to group supervision.', '');
  return out.join('\n');
}
