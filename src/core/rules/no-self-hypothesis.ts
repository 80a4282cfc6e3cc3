import type { Rule } from './rule';
import { findPhrases } from '../text/words';
import { hypothesesAnchor } from '../model/queries';

export const noSelfHypothesis: Rule = {
  id: 'no-self-hypothesis',
  alias: 'worker-hypothesis',
  description: 'No hypothesis is about the worker or the professional system.',
  rationale:
    'The worker and the services around a family are part of the system being described. A hypothesis about yourself exposes your own assumptions and how your questions shape what the family says.',
  category: 'hypothesis',
  defaultSeverity: 'warning',
  options: {
    words: {
      type: 'string[]',
      default: [
        'I', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'worker', 'social worker', 'professional', 'professionals', 'professional system',
        'practitioner', 'agency', 'agencies', 'service', 'services', 'team', 'network', 'local authority', 'children’s services', "children's services",
        'supervisor', 'manager',
      ],
      description: 'Words that show a hypothesis is about the worker or the professional system.',
    },
  },
  check({ model, source, words, report }) {
    if (model.hypotheses.length === 0) return;
    const list = words('words');
    const aboutSelf = model.hypotheses.some(
      (h) => findPhrases(h.statement.text, list).length > 0 || h.about.some((a) => findPhrases(a.text, list).length > 0),
    );
    if (aboutSelf) return;
    report({
      message:
        'None of the hypotheses is about you or the professional system. How might your own position, or the way services have approached this family, be part of the pattern? (For example: “I am more comfortable talking with mothers than with fathers.”)',
      at: hypothesesAnchor(model, source),
    });
  },
};
