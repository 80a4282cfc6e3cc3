import type { Rule } from './rule';

export const evidenceNoSource: Rule = {
  id: 'evidence-no-source',
  alias: 'unsourced-evidence',
  description: 'An evidence item without `(source: …)` saying whose account or which record it comes from.',
  rationale:
    'Knowing whose account a piece of evidence is lets readers weigh it, notice when one voice dominates, and lets the child who reads the record later find their story.',
  category: 'recording',
  defaultSeverity: 'info',
  options: {},
  check({ model, report }) {
    for (const hypothesis of model.hypotheses) {
      for (const evidence of [...hypothesis.evidenceFor, ...hypothesis.evidenceAgainst]) {
        if (evidence.source || evidence.noneFound) continue;
        report({
          message: `Where does this come from? Adding (source: who or which agency, date) lets a reader tell whose account this is.`,
          at: evidence.position,
        });
      }
    }
  },
};
