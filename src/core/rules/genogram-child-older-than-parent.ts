import { ageOf } from '../genogram/kinship';
import type { GenogramPerson } from '../genogram/types';
import type { Rule } from './rule';
import { caseYear, genogramLabel, spanPosition } from '../model/queries';

/** The year someone was born, from their birth year or, failing that, their age in the case's year. */
function birthYear(person: GenogramPerson, caseYear: number): number | undefined {
  if (person.born !== undefined) return person.born;
  return person.age !== undefined && !person.deceased ? caseYear - person.age : undefined;
}

export const genogramChildOlderThanParent: Rule = {
  id: 'genogram-child-older-than-parent',
  alias: 'genogram-age-order',
  description: 'A child is recorded as older than (or the same age as) one of their parents.',
  rationale: 'Usually an age and a birth year, or a parent and a child, swapped. Ages drawn in the symbols are what readers trust first.',
  category: 'genogram',
  defaultSeverity: 'warning',
  options: {},
  check({ model, source, report }) {
    const year = caseYear(model.frontmatter);
    for (const diagram of model.diagrams) {
      const byKey = new Map(diagram.genogram.people.map((p) => [p.key, p] as const));
      for (const link of diagram.genogram.children) {
        // Step-parents and foster carers can be any age.
        if (link.kind === 'step' || link.kind === 'fostered') continue;
        const child = byKey.get(link.child);
        if (!child?.declared) continue;
        for (const key of link.parents) {
          const parent = byKey.get(key);
          if (!parent?.declared || parent === child) continue;
          const childBorn = birthYear(child, year);
          const parentBorn = birthYear(parent, year);
          if (childBorn === undefined || parentBorn === undefined || childBorn > parentBorn) continue;
          report({
            message: `${genogramLabel(child, ageOf(child, year))} is recorded as ${childBorn === parentBorn ? 'the same age as' : 'older than'} their parent ${genogramLabel(parent, ageOf(parent, year))}. Is an age or a birth year the wrong way round, or a parent and child swapped?`,
            at: spanPosition(source, link.span),
          });
        }
      }
    }
  },
};
