import { ageText } from '../genogram/kinship';
import { shortName, spanPosition, unseenAdults } from '../model/queries';
import type { Rule } from './rule';

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
      const said = `${name} (${ageText(age)})${relation ? `, ${relation},` : ''}`;
      report({
        message: `${said} lives in ${childName}’s household but appears in no hypothesis. What part might ${name} play in ${childName}’s day-to-day life, and what would ${name} say about it if asked directly?`,
        at: spanPosition(source, adult.span),
      });
    }
  },
};
