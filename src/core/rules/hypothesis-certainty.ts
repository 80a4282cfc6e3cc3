import type { Rule } from './rule';
import { findPhrases, isReported, quotedRanges } from '../text/words';

/** Tentative wordings offered in place of a certainty word, best first. */
const tentative: Record<string, string[]> = {
  clearly: ['perhaps', 'it seems'],
  obviously: ['perhaps', 'it seems'],
  definitely: ['possibly', 'perhaps'],
  undoubtedly: ['possibly', 'perhaps'],
  certainly: ['possibly', 'perhaps'],
  always: ['often', 'usually'],
  never: ['rarely', 'seldom'],
  'will never change': ['may find change hard', 'has not yet changed'],
  'it is certain': ['it seems possible', 'it may be'],
  'without doubt': ['possibly', 'it seems'],
  'no doubt': ['possibly', 'it seems'],
  'would have to be': ['might be', 'could be'],
};

function matchCase(original: string, replacement: string, sentenceStart: boolean): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  return sentenceStart ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** Whether the words at `offset` begin a sentence (after a label, a list marker or a full stop). */
function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 40), offset).replace(/[*_\s]+$/, '');
  return before === '' || /(^|\n)\s*([-*+]|\d+[.)])?$/.test(before) || /[.!?:"“(]$/.test(before);
}

/** "has never been", "had always lived": a history, not a claim about what will be. */
function isHistory(text: string, match: { start: number; phrase: string }): boolean {
  return /^(never|always)$/i.test(match.phrase) && /\b(has|have|had|'ve|’ve)\s+$/i.test(text.slice(Math.max(0, match.start - 12), match.start));
}

export const hypothesisCertainty: Rule = {
  id: 'hypothesis-certainty',
  alias: 'certainty-words',
  description: 'Certainty words ("clearly", "always", "will never change"…) in a hypothesis or its evidence, outside quotations and reported speech.',
  rationale:
    'A hypothesis is useful, not true. Words of certainty close down curiosity and make slow revision more likely; tentative wording keeps the idea open to what you have not yet seen.',
  category: 'language',
  defaultSeverity: 'warning',
  options: {
    words: {
      type: 'string[]',
      default: ['clearly', 'obviously', 'definitely', 'undoubtedly', 'certainly', 'always', 'never', 'will never change', 'it is certain', 'without doubt', 'no doubt', 'would have to be'],
      description: 'Words and phrases that state certainty.',
    },
  },
  check({ model, source, words, report }) {
    const prose = source.prose;
    const list = words('words');
    for (const hypothesis of model.hypotheses) {
      const from = hypothesis.position.start.offset ?? 0;
      const to = hypothesis.position.end.offset ?? from;
      const matches = findPhrases(prose, list, from, to);
      if (matches.length === 0) continue;
      const quoted = quotedRanges(prose, from, to);
      for (const match of matches) {
        if (isReported(prose, match.start, quoted) || isHistory(prose, match)) continue;
        const atStart = startsSentence(prose, match.start);
        const options = (tentative[match.phrase.toLowerCase()] ?? ['perhaps']).map((t) => matchCase(match.text, t, atStart));
        const first = options[0] as string;
        report({
          message: `“${match.text}” states this with certainty. A hypothesis is an idea to test: would “${first}” leave room for what you have not yet seen?`,
          at: source.position(match.start, match.end),
          // In the statement it is the writer's own wording; in evidence it may be a source's account.
          fix: { start: match.start, end: match.end, text: first, title: `Replace “${match.text}” with “${first}”`, bulk: match.end <= (hypothesis.statement.position.end.offset ?? 0) },
          expected: options,
        });
      }
    }
  },
};
