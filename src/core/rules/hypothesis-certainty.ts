import type { Rule } from './rule';
import { findPatterns, isNegated, isReported, quotedRanges } from '../text/words';

type Wording = string[] | ((text: string) => string[]);

const verbWithoutIndeed: Record<string, string> = { does: 'may', do: 'may', is: 'may be', are: 'may be', was: 'may have been', were: 'may have been' };

/** Tentative wordings offered in place of a certainty word or pattern (as configured), best first. */
const tentative: Record<string, Wording> = {
  clearly: ['perhaps', 'it seems'],
  obviously: ['perhaps', 'it seems'],
  evidently: ['perhaps', 'it seems'],
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
  'it (is|was|seems|seemed|appears|appeared) (clear|obvious|evident|plain) that': (text) => [text.replace(/(clear|obvious|evident|plain)/i, 'possible'), 'perhaps'],
  '(does|do|did|is|are|was|were) indeed': (text) => {
    const verb = verbWithoutIndeed[text.split(/[\s-]+/)[0]?.toLowerCase() ?? ''];
    return verb ? [verb] : [];
  },
  'all the time': ['often', 'at times'],
  'every (time|single time)': ['often', 'at times'],
  "(there is|there's|there’s|there can be) no (question|doubt) that": ['it may be that', 'it seems possible that'],
  'without (question|a doubt)': ['possibly', 'perhaps'],
  'without a shadow of (doubt|a doubt)': ['possibly', 'perhaps'],
  'beyond (doubt|question)': ['possible', 'likely'],
  'undeniabl*': (text) => (/y$/i.test(text) ? ['perhaps'] : ['possible']),
  'unquestionabl*': (text) => (/y$/i.test(text) ? ['perhaps'] : ['possible']),
  'inevitabl*': (text) => (/y$/i.test(text) ? ['perhaps'] : ['possible']),
  'bound to': ['likely to', 'may'],
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

/** "has never been", "was never asked", "had always lived": a history, not a claim about what will be. */
function isHistory(text: string, match: { start: number; phrase: string }): boolean {
  return /^(never|always)$/i.test(match.phrase) && /\b(has|have|had|was|were|did|'ve|’ve)\s+$/i.test(text.slice(Math.max(0, match.start - 12), match.start));
}

export const hypothesisCertainty: Rule = {
  id: 'hypothesis-certainty',
  alias: 'certainty-words',
  description: 'Certainty words ("clearly", "it seemed clear that", "always", "all the time"…) in a hypothesis or its evidence, outside quotations and reported speech.',
  rationale:
    'A hypothesis is useful, not true. Words of certainty close down curiosity and make slow revision more likely; tentative wording keeps the idea open to what you have not yet seen.',
  category: 'language',
  defaultSeverity: 'warning',
  options: {
    words: {
      type: 'string[]',
      default: Object.keys(tentative),
      description: 'Words and phrases that state certainty. `word*` matches any ending; `(a|b)` matches either word.',
    },
  },
  check({ model, source, words, report }) {
    const prose = source.prose;
    const list = words('words');
    for (const hypothesis of model.hypotheses) {
      const from = hypothesis.position.start.offset ?? 0;
      const to = hypothesis.position.end.offset ?? from;
      const matches = findPatterns(prose, list, from, to);
      if (matches.length === 0) continue;
      const quoted = quotedRanges(prose, from, to);
      for (const match of matches) {
        // "may not always" is already tentative.
        if (isReported(prose, match.start, quoted) || isHistory(prose, match) || isNegated(prose, match.start)) continue;
        const atStart = startsSentence(prose, match.start);
        const wording = tentative[match.phrase.toLowerCase()] ?? ['perhaps'];
        const options = (typeof wording === 'function' ? wording(match.text) : wording).map((t) => matchCase(match.text, t, atStart));
        const first = options[0];
        const at = source.position(match.start, match.end);
        if (first === undefined) {
          report({ message: `“${match.text}” states this with certainty. A hypothesis is an idea to test: how could you word it to leave room for what you have not yet seen?`, at });
          continue;
        }
        report({
          message: `“${match.text}” states this with certainty. A hypothesis is an idea to test: would “${first}” leave room for what you have not yet seen?`,
          at,
          // In the statement it is the writer's own wording; in evidence it may be a source's account.
          fix: { start: match.start, end: match.end, text: first, title: `Replace “${match.text}” with “${first}”`, bulk: match.end <= (hypothesis.statement.position.end.offset ?? 0) },
          expected: options,
        });
      }
    }
  },
};
