import type { Rule } from './rule';

// A reading rule: no check of its own; it reports what the hypotheses reader (parse/model.ts) leaves on model.problems.
export const statusUnknown: Rule = {
  id: 'status-unknown',
  alias: 'unknown-status',
  description: 'A `Status:` item with a value other than open, supported, weakened or set aside.',
  rationale: 'A small fixed set of statuses lets CaseMark tell which hypothesis the notes lean towards; an unknown one is read as no status.',
  category: 'dialect',
  defaultSeverity: 'warning',
  options: {},
};
