import type { Rule } from './rule';

// A reading rule: no check of its own; it reports what the genogram reader (genogram/grammar.ts) leaves on model.problems.
export const genogramUnknownPerson: Rule = {
  id: 'genogram-unknown-person',
  alias: 'genogram-unknown-id',
  description: 'A couple, child, relationship, household or note refers to someone the genogram does not declare.',
  rationale: 'Usually a typo or a missing person line. They are drawn as a dashed “?” until declared, so the drawing stays whole.',
  category: 'genogram',
  defaultSeverity: 'error',
  options: {},
};
