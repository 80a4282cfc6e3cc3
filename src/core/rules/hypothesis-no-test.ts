import type { Rule } from './rule';
import { insertItemFix } from '../model/queries';

export const hypothesisNoTest: Rule = {
  id: 'hypothesis-no-test',
  alias: 'untested-hypothesis',
  description: 'A hypothesis with no `Test:` item saying how it could be tested.',
  rationale:
    'A hypothesis is kept provisional by testing it: naming what you would need to find out, and from whom, turns an idea into a line of enquiry.',
  category: 'hypothesis',
  defaultSeverity: 'warning',
  options: {},
  check({ model, report }) {
    for (const hypothesis of model.hypotheses) {
      // An empty "- Test:" is a place kept for the test, as the new-case template has: not a missing item.
      if (hypothesis.tests.length > 0 || hypothesis.emptyItems.some((i) => i.kind === 'test')) continue;
      report({
        message: `${hypothesis.label} has no Test: item. What would you need to find out, and from whom, to test this idea?`,
        at: hypothesis.statement.position,
        fix: insertItemFix(hypothesis, 'Test'),
      });
    }
  },
};
