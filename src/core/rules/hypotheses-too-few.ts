import type { Rule } from './rule';
import { hypothesesAnchor, plural } from '../model/queries';

export const hypothesesTooFew: Rule = {
  id: 'hypotheses-too-few',
  alias: 'few-hypotheses',
  description: 'Fewer hypotheses than the minimum (3 by default).',
  rationale:
    'Holding several hypotheses at once keeps any one from hardening into fact; generating many before choosing widens the thinking about a dilemma.',
  category: 'hypothesis',
  defaultSeverity: 'warning',
  options: {
    minimum: { type: 'number', default: 3, description: 'How many hypotheses an analysis should hold at least.' },
  },
  check({ model, source, number, report }) {
    const count = model.hypotheses.length;
    const minimum = number('minimum');
    if (count === 0 || count >= minimum) return; // None at all is hypotheses-missing's to say.
    report({
      message: `${plural(count, 'hypothesis', 'hypotheses')} so far. Holding at least ${minimum} ideas at once keeps any one from hardening into fact: what else might explain what you are seeing, before you choose?`,
      at: hypothesesAnchor(model, source),
    });
  },
};
