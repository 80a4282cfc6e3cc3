import type { Rule } from './rule';

// A reading rule: no check of its own; it reports what the frontmatter reader (parse/frontmatter.ts) leaves on model.problems.
export const frontmatterInvalid: Rule = {
  id: 'frontmatter-invalid',
  alias: 'bad-frontmatter',
  description: 'The YAML frontmatter cannot be read, or a CaseMark key in it has the wrong shape.',
  rationale: 'CaseMark reads the case label, people and settings from the frontmatter; when it cannot, it says where rather than guessing.',
  category: 'dialect',
  defaultSeverity: 'error',
  options: {},
};
