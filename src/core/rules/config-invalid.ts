import type { Rule } from './rule';

export const configInvalid: Rule = {
  id: 'config-invalid',
  alias: 'bad-config',
  description: 'A CaseMark setting (in `.casemark.*`, the frontmatter, or an inline comment) names an unknown rule or has the wrong shape.',
  rationale: 'A setting that cannot be read is ignored and the defaults are used; saying so, with its place, avoids silently linting with settings you did not mean.',
  category: 'dialect',
  defaultSeverity: 'error',
  options: {},
};
