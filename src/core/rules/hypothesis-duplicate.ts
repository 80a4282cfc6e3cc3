import type { Rule } from './rule';
import { contentWordList } from '../text/words';

interface Signature {
  words: Set<string>;
  /** Neighbouring content words in order, so "Kerry shouts at Ryan" differs from "Ryan shouts at Kerry". */
  pairs: Set<string>;
  negated: boolean;
}

const negation = /\b(not|no|never|cannot|can't|can’t|won't|won’t|isn't|isn’t|doesn't|doesn’t|didn't|didn’t|hasn't|hasn’t)\b/i;

export function signature(text: string): Signature {
  const words = contentWordList(text);
  return { words: new Set(words), pairs: new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`)), negated: negation.test(text) };
}

function dice(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const item of x) if (y.has(item)) shared++;
  return Math.round((200 * shared) / (x.size + y.size));
}

/** How alike two statements are, 0 to 100: their ordered word pairs, and opposite if one negates. */
export function similarity(a: string | Signature, b: string | Signature): number {
  const x = typeof a === 'string' ? signature(a) : a;
  const y = typeof b === 'string' ? signature(b) : b;
  if (x.negated !== y.negated) return 0;
  return x.pairs.size > 0 && y.pairs.size > 0 ? dice(x.pairs, y.pairs) : dice(x.words, y.words);
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
    const signatures = model.hypotheses.map((h) => signature(h.statement.text));
    // Only statements that share a word can be alike: an index keeps long lists from comparing every pair.
    const byWord = new Map<string, number[]>();
    model.hypotheses.forEach((later, i) => {
      const mine = signatures[i] as Signature;
      const candidates = new Set<number>(threshold <= 0 ? Array.from({ length: i }, (_, j) => j) : []);
      for (const word of mine.words) {
        const seen = byWord.get(word);
        if (seen) for (const j of seen) candidates.add(j);
        if (seen) seen.push(i);
        else byWord.set(word, [i]);
      }
      const j = [...candidates].sort((a, b) => a - b).find((c) => similarity(signatures[c] as Signature, mine) >= threshold);
      const earlier = j === undefined ? undefined : model.hypotheses[j];
      if (!earlier) return;
      report({
        message: `${later.label} reads very like ${earlier.label}. Is it a different idea? If so, what makes it distinct; if not, the two could be one.`,
        at: later.statement.position,
      });
    });
  },
};
