import type { Rule } from './rule';
import { namesByKey, spanPosition } from '../model/queries';

export const genogramTwinsParents: Rule = {
  id: 'genogram-twins-parents',
  alias: 'genogram-twins-apart',
  description: 'Children marked as twins are linked to different parents.',
  rationale: 'Twins are drawn from one point under their parents; with different parents there is no one point to draw them from.',
  category: 'genogram',
  defaultSeverity: 'error',
  options: {},
  check({ model, source, report }) {
    for (const diagram of model.diagrams) {
      const names = namesByKey(diagram.genogram);
      const groups = new Map<string, typeof diagram.genogram.children>();
      for (const link of diagram.genogram.children) {
        if (link.twin && link.kind !== 'step') groups.set(link.twin.group, [...(groups.get(link.twin.group) ?? []), link]);
      }
      for (const links of groups.values()) {
        // Parents in the order written, for the message; sorted, to compare.
        const parentsOf = (child: string): string[] => [...new Set(links.filter((l) => l.child === child).flatMap((l) => l.parents))];
        const children = [...new Set(links.map((l) => l.child))];
        const sets = new Set(children.map((c) => parentsOf(c).sort().join('+')));
        if (sets.size <= 1) continue;
        const describe = children.map((c) => `${names.get(c) ?? c} of ${parentsOf(c).map((p) => names.get(p) ?? p).join(' + ')}`).join('; ');
        report({
          message: `These twins have different parents (${describe}). Twins share their birth parents: is one children line missing a parent, or are they not twins?`,
          at: spanPosition(source, (links[links.length - 1] as (typeof links)[number]).span),
        });
      }
    }
  },
};
