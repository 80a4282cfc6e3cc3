import type { Rule } from './rule';

// A reading rule: no check of its own; it reports what the settings reader (config/read.ts, through analyse.ts) leaves
// on model.problems. Unknown rules in inline comments are found during inline control, after the rules, in analyse.ts.
export const configInvalid: Rule = {
  id: 'config-invalid',
  alias: 'bad-config',
  description: 'A CaseMark setting (in `.casemark.*`, the frontmatter, or an inline comment) names an unknown rule or has the wrong shape.',
  rationale: 'A setting that cannot be read is ignored and the defaults are used; saying so, with its place, avoids silently linting with settings you did not mean.',
  category: 'dialect',
  defaultSeverity: 'error',
  options: {},
};
