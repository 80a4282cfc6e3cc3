import type { Rule } from './rule';
import { insertItemFix, supporting } from '../model/queries';

export const hypothesisNoDisconfirming: Rule = {
  id: 'hypothesis-no-disconfirming',
  alias: 'no-evidence-against',
  description: 'A hypothesis with evidence for it and nothing recorded against it, not even a note that it was looked for.',
  rationale:
    'It is human to notice what fits the idea we already hold. Looking for what does not fit is the most direct guard against confirmation bias.',
  category: 'bias',
  defaultSeverity: 'info',
  options: {},
  check({ model, report }) {
    for (const hypothesis of model.hypotheses) {
      if (supporting(hypothesis).length === 0 || hypothesis.evidenceAgainst.length > 0) continue;
      report({
        message: `${hypothesis.label} has evidence for it and nothing recorded against it. What have you seen or heard that does not fit this idea? If you looked and found nothing, where did you look?`,
        at: hypothesis.statement.position,
        fix: insertItemFix(hypothesis, 'Against'),
      });
    }
  },
};
