import { formatAge, spanPosition, unseenAdults } from '../model/queries';
import type { Rule } from './rule';

/** A name as a message can carry it: a pasted paragraph in a name field must not flood the Problems panel. */
function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

export const unseenAdult: Rule = {
  id: 'unseen-adult',
  alias: 'invisible-adult',
  description: 'An adult in a child’s household (genogram household or ecomap centre) appears in no hypothesis.',
  rationale:
    'Reviews of serious cases keep finding adults, often men, who lived with a child but were never part of the assessment. Every adult in the home is part of the child’s daily life.',
  category: 'bias',
  defaultSeverity: 'warning',
  options: {},
  check({ model, source, report }) {
    for (const { adult, child, relation, age } of unseenAdults(model, source.text)) {
      const name = shortName(adult.name);
      const childName = shortName(child.name);
      const said = `${name}${age !== undefined ? ` (${formatAge(age)})` : ''}${relation ? `, ${childName}’s ${relation},` : ''}`;
      report({
        message: `${said} lives in ${childName}’s household but appears in no hypothesis. What part might ${name} play in ${childName}’s day-to-day life, and what would ${name} say about it if asked directly?`,
        at: spanPosition(source, adult.span),
      });
    }
  },
};
