import type { Hypothesis } from '../model/case';
import type { Rule } from './rule';
import { favouredHypothesis, supporting } from '../model/queries';

export const evidenceOneSided: Rule = {
  id: 'evidence-one-sided',
  alias: 'confirmation-pattern',
  description:
    'The favoured hypothesis has no evidence against it, and the other hypotheses have no evidence gathered at all: the pattern confirmation bias leaves.',
  rationale:
    'When only one idea has been looked into, and only for what supports it, the analysis shows the shape of confirmation bias. Considering the case from a different starting point is the most useful counter.',
  category: 'bias',
  defaultSeverity: 'info',
  options: {},
  check({ model, report }) {
    if (model.hypotheses.length < 2) return;
    const favoured = favouredHypothesis(model.hypotheses);
    if (!favoured || supporting(favoured).length === 0 || favoured.evidenceAgainst.length > 0) return;
    const others = model.hypotheses.filter((h) => h !== favoured);
    if (others.some((h) => h.evidenceFor.length + h.evidenceAgainst.length > 0)) return;
    const rival = others[0] as Hypothesis;
    report({
      message: `All the evidence gathered so far supports ${favoured.label}, and none has been gathered for or against the other hypotheses. If you started from ${rival.label} instead, what would you look for first?`,
      at: favoured.statement.position,
    });
  },
};
