import type { Rule } from './rule';
import { hypothesesAnchor, sourceKey } from '../model/queries';

export const evidenceOneSource: Rule = {
  id: 'evidence-one-source',
  alias: 'single-source',
  description: 'All the sourced evidence in the analysis comes from one informant or agency.',
  rationale:
    'Inquiry reviews often find that judgements rested on narrow, readily available evidence from one source while other people’s knowledge went unasked.',
  category: 'bias',
  defaultSeverity: 'info',
  options: {
    minimum: { type: 'number', default: 3, description: 'How many sourced evidence items there must be before the rule looks at them.' },
  },
  check({ model, source, number, report }) {
    const evidence = model.hypotheses.flatMap((h) => [...h.evidenceFor, ...h.evidenceAgainst]).filter((e) => e.source && !e.noneFound);
    if (evidence.length === 0 || evidence.length < number('minimum')) return;
    const sources = new Set(evidence.map((e) => sourceKey(e.source as string)));
    if (sources.size !== 1) return;
    const name = evidence[0]?.source as string;
    report({
      message: `All ${evidence.length} pieces of evidence come from ${name}. Whose account might differ? What would the child, another family member or another agency add?`,
      at: hypothesesAnchor(model, source),
    });
  },
};
