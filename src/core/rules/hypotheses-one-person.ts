import type { Rule } from './rule';
import { hypothesesAnchor, subjectsOf } from '../model/queries';

export const hypothesesOnePerson: Rule = {
  id: 'hypotheses-one-person',
  alias: 'single-person-hypotheses',
  description: 'Every hypothesis is about the same single person.',
  rationale:
    'Systemic hypotheses are relational: they look at patterns between people, and at the wider system, rather than locating the problem inside one person.',
  category: 'hypothesis',
  defaultSeverity: 'warning',
  options: {},
  check({ model, source, report }) {
    if (model.hypotheses.length < 2) return;
    const subjects = model.hypotheses.map((h) => subjectsOf(h, model.people));
    if (!subjects.every((s) => s.size === 1)) return;
    const names = new Set(subjects.map((s) => [...s][0]));
    if (names.size !== 1) return;
    const key = [...names][0] as string;
    const who = model.people.find((p) => p.name.toLowerCase() === key)?.name ?? (model.hypotheses[0]?.about[0]?.text ?? key);
    report({
      message: `Every hypothesis is about ${who} alone. What might be happening between people here: how might others in the family, or the network around them, be part of this pattern?`,
      at: hypothesesAnchor(model, source),
    });
  },
};
