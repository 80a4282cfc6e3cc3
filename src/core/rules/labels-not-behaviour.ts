import type { Rule } from './rule';
import { findPhrases } from '../text/words';

export const placeholder = '[what did you see or hear?]';

export const labelsNotBehaviour: Rule = {
  id: 'labels-not-behaviour',
  alias: 'labels',
  description: 'Labelling or blaming terms ("non-compliant", "disguised compliance", "hard to reach"…) instead of a description of what happened.',
  rationale:
    'Labels compress many possible behaviours into a judgement, can blame parents who are themselves struggling, and tell a child reading the record later nothing about what actually happened.',
  category: 'language',
  defaultSeverity: 'warning',
  options: {
    words: {
      type: 'string[]',
      default: [
        'non-compliant', 'non compliant', 'noncompliant', 'disguised compliance', 'toxic trio', 'hard to reach', 'manipulative', 'resistant',
        'refused to engage', 'failed to engage', 'non-engaging', 'non-engagement', 'did not engage', 'uncooperative', 'unco-operative', 'chaotic',
      ],
      description: 'Labels to ask about.',
    },
  },
  check({ source, words, report }) {
    for (const match of findPhrases(source.prose, words('words'))) {
      report({
        message: `“${match.text}” is a label. What did you actually see or hear? Describing what the person did or said, and when, helps the child who may read this one day understand what happened.`,
        at: source.position(match.start, match.end),
        fix: { start: match.start, end: match.end, text: placeholder, title: `Replace “${match.text}” with a prompt to describe the behaviour` },
        expected: [placeholder],
      });
    }
  },
};
