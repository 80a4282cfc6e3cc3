import type { Rule } from './rule';

// A reading rule: no check of its own; it reports what the genogram reader (genogram/grammar.ts) leaves on model.problems.
export const genogramDuplicateId: Rule = {
  id: 'genogram-duplicate-id',
  alias: 'genogram-same-id-twice',
  description: 'Two people (or ecomap systems) in one block share an id.',
  rationale: 'Other lines refer to people by id; two people with one id would be drawn as one. The second declaration is left out of the drawing.',
  category: 'genogram',
  defaultSeverity: 'error',
  options: {},
};
