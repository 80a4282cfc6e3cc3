import type { Rule } from '../rule';
import { contentWords } from '../words';

/** Dice similarity of two statements' content words, 0 to 100. */
export function similarity(a: string | Set<string>, b: string | Set<string>): number {
  const x = typeof a === 'string' ? contentWords(a) : a;
  const y = typeof b === 'string' ? contentWords(b) : b;
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const word of x) if (y.has(word)) shared++;
  return Math.round((200 * shared) / (x.size + y.size));
}

export const hypothesisDuplicate: Rule = {
  id: 'hypothesis-duplicate',
  alias: 'similar-hypotheses',
  description: 'Two hypotheses that say nearly the same thing.',
  rationale: 'Two wordings of one idea can look like several hypotheses while the thinking has not widened.',
  category: 'hypothesis',
  defaultSeverity: 'warning',
  options: {
    similarity: { type: 'number', default: 80, description: 'How alike two statements must be, from 0 to 100, to be reported.' },
  },
  check({ model, number, report }) {
    const threshold = number('similarity');
    const words = model.hypotheses.map((h) => contentWords(h.statement.text));
    model.hypotheses.forEach((later, i) => {
      const earlier = model.hypotheses.slice(0, i).find((_, j) => similarity(words[j] as Set<string>, words[i] as Set<string>) >= threshold);
      if (!earlier) return;
      report({
        message: `${later.label} reads very like ${earlier.label}. Is it a different idea? If so, what makes it distinct; if not, the two could be one.`,
        at: later.statement.position,
      });
    });
  },
};
