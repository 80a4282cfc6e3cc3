import type { Rule } from './rule';
import { hypothesesAnchor } from '../model/queries';

export const hypothesesMissing: Rule = {
  id: 'hypotheses-missing',
  alias: 'no-hypotheses',
  description: 'The analysis has no Hypotheses section, or the section lists no hypotheses.',
  rationale:
    'Hypothesising is the heart of systemic analysis: ideas held provisionally, each opening a line of enquiry, before anyone settles on an explanation.',
  category: 'structure',
  defaultSeverity: 'warning',
  options: {},
  check({ model, source, report }) {
    const section = model.sections.find((s) => s.kind === 'hypotheses');
    if (!section) {
      report({
        message:
          'This analysis has no Hypotheses section yet. What different ideas might explain what is happening for this family? Add a “## Hypotheses” heading with a list of them.',
        at: hypothesesAnchor(model, source),
      });
    } else if (model.hypotheses.length === 0) {
      report({
        message: 'The Hypotheses section lists no hypotheses yet. What are two or three different ideas that could explain the dilemma? Write each as a list item.',
        at: section.heading,
      });
    }
  },
};
