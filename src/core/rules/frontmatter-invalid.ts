import type { Rule } from './rule';

export const frontmatterInvalid: Rule = {
  id: 'frontmatter-invalid',
  alias: 'bad-frontmatter',
  description: 'The YAML frontmatter cannot be read, or a CaseMark key in it has the wrong shape.',
  rationale: 'CaseMark reads the case label, people and settings from the frontmatter; when it cannot, it says where rather than guessing.',
  category: 'dialect',
  defaultSeverity: 'error',
  options: {},
};
