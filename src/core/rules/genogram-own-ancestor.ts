import type { Genogram } from '../genogram/types';
import type { Rule } from './rule';
import { namesByKey, spanPosition, typedId } from '../model/queries';

/** Each cycle of child-to-parent links once, as the path from a person back to themselves. */
export function ancestorCycles(genogram: Genogram): Array<{ path: string[]; link: Genogram['children'][number] }> {
  const links = new Map<string, Genogram['children']>();
  for (const link of genogram.children) links.set(link.child, [...(links.get(link.child) ?? []), link]);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: Array<{ path: string[]; link: Genogram['children'][number] }> = [];
  const stack: string[] = [];
  // Iterative depth-first search: a 10,000-generation line must not overflow the call stack.
  for (const start of links.keys()) {
    if (state.has(start)) continue;
    const frames: Array<{ key: string; next: Array<{ parent: string; link: Genogram['children'][number] }> }> = [];
    const enter = (key: string): void => {
      state.set(key, 'open');
      stack.push(key);
      frames.push({ key, next: (links.get(key) ?? []).flatMap((link) => link.parents.map((parent) => ({ parent, link }))) });
    };
    enter(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as (typeof frames)[number];
      const step = frame.next.shift();
      if (!step) {
        state.set(frame.key, 'done');
        stack.pop();
        frames.pop();
        continue;
      }
      const seen = state.get(step.parent);
      if (seen === 'open') cycles.push({ path: [...stack.slice(stack.indexOf(step.parent)), step.parent], link: step.link });
      else if (seen === undefined) enter(step.parent);
    }
  }
  return cycles;
}

export const genogramOwnAncestor: Rule = {
  id: 'genogram-own-ancestor',
  alias: 'genogram-cycle',
  description: 'The parent lines make someone their own parent, grandparent or further ancestor.',
  rationale: 'Usually a children line written the wrong way round (parent and child swapped). The family cannot be drawn in generations until it is put right.',
  category: 'genogram',
  defaultSeverity: 'error',
  options: {},
  check({ model, source, report }) {
    for (const diagram of model.diagrams) {
      const names = namesByKey(diagram.genogram);
      const idOf = (key: string): string => typedId(diagram.genogram, key);
      for (const { path, link } of ancestorCycles(diagram.genogram)) {
        const chain = path.map((key) => names.get(key) ?? key);
        report({
          message: `These lines make ${chain[0]} their own ancestor: ${chain[0]} is a child of ${chain.slice(1).join(', who is a child of ')}. Is one children line the wrong way round? The child comes first: ${idOf(link.child)} child of ${link.parents.map(idOf).join(' + ')}.`,
          at: spanPosition(source, link.span),
        });
      }
    }
  },
};
