import type { Rule } from './rule';
import { namesByKey, spanPosition, typedId } from '../model/queries';

export const genogramTooManyParents: Rule = {
  id: 'genogram-too-many-parents',
  alias: 'genogram-three-birth-parents',
  description: 'A child has more than two birth parents.',
  rationale: 'A child has at most two birth parents. Step-parents, adoptive parents and foster carers are drawn with their own lines when the children line says step, adopted or fostered.',
  category: 'genogram',
  defaultSeverity: 'error',
  options: {},
  check({ model, source, report }) {
    for (const diagram of model.diagrams) {
      const names = namesByKey(diagram.genogram);
      const parents = new Map<string, string[]>();
      for (const link of diagram.genogram.children) {
        if (link.kind !== 'biological') continue;
        const known = parents.get(link.child) ?? [];
        const added = link.parents.filter((p) => !known.includes(p));
        const all = [...known, ...added];
        parents.set(link.child, all);
        // Once per line that takes the count past two.
        if (all.length > 2 && added.length > 0) {
          report({
            message: `${names.get(link.child) ?? link.child} now has ${all.length} birth parents (${all.map((p) => names.get(p) ?? p).join(', ')}). If someone here is a step-parent, an adoptive parent or a foster carer, say so on the line: ${typedId(diagram.genogram, link.child)} step-child of …, adopted, or fostered.`,
            at: spanPosition(source, link.span),
          });
        }
      }
    }
  },
};
