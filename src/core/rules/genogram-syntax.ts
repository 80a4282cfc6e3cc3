import type { Rule } from './rule';

// A reading rule: no check of its own; it reports what the genogram reader (genogram/grammar.ts) leaves on model.problems.
export const genogramSyntax: Rule = {
  id: 'genogram-syntax',
  alias: 'genogram-unreadable-line',
  description: 'A line in a genogram or ecomap block that CaseMark cannot read.',
  rationale: 'A line CaseMark cannot read is left out of the drawing; the message says what it expected, so the family is drawn as you meant it.',
  category: 'genogram',
  defaultSeverity: 'error',
  options: {},
};
