import type { Rule } from './rule';

export const genogramDuplicateId: Rule = {
  id: 'genogram-duplicate-id',
  alias: 'genogram-same-id-twice',
  description: 'Two people (or ecomap systems) in one block share an id.',
  rationale: 'Other lines refer to people by id; two people with one id would be drawn as one. The second declaration is left out of the drawing.',
  category: 'genogram',
  defaultSeverity: 'error',
  options: {},
};
