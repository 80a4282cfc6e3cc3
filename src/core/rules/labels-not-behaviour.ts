import type { Rule } from './rule';
import { findPatterns, isNegated, isReported, quotedRanges } from '../text/words';

/** What the quick fix leaves in place of a label: a question in brackets, which this rule asks about until it is replaced. */
export const placeholder = '[what happened, and when?]';
/** The placeholder earlier versions inserted; still asked about where it was left in a file. */
const olderPlaceholder = '[what did you see or hear?]';

export const labelsNotBehaviour: Rule = {
  id: 'labels-not-behaviour',
  alias: 'labels',
  description: 'Labelling or blaming terms ("non-compliant", "disguised compliance", "refusal to engage"…) instead of a description of what happened.',
  rationale:
    'Labels compress many possible behaviours into a judgement, can blame parents who are themselves struggling, and tell a child reading the record later nothing about what actually happened.',
  category: 'language',
  defaultSeverity: 'warning',
  options: {
    words: {
      type: 'string[]',
      default: [
        'non complian*', 'noncomplian*', 'disguised compliance', 'toxic trio', 'hard to reach', 'hard to engage', 'manipulative', 'resistant',
        '(refused|refuses|refuse|refusing|refusal) to engage', '(failed|fails|fail|failing|failure) to engage', '(did|does|do|would|will) not engage',
        "(didn't|doesn't|don't|won't|wouldn't|didn’t|doesn’t|don’t|won’t|wouldn’t) engage", 'not engaging', '(resisted|resists|resisting|resistance to) engag*',
        'non engag*', 'disengag*', 'uncooperative', 'unco-operative', 'chaotic', 'unmanageable', 'wrong crowd', 'in denial', 'attention seeking', 'evasive',
        'aggressive', 'volatile',
        // Words that blame a child who may be being exploited (The Children's Society's guidance on language).
        '(putting|puts|put|placing|places|placed) (himself|herself|themselves|themself) at risk', 'streetwise', 'promiscuous', 'lifestyle choice',
      ],
      description: 'Labels to ask about. `word*` matches any ending (disengag* finds disengaged and disengagement); `(a|b)` matches either word.',
    },
  },
  check({ source, words, report }) {
    const prose = source.prose;
    const quoted = quotedRanges(prose, 0, prose.length);
    for (const match of findPatterns(prose, words('words'))) {
      // "She was not chaotic" denies the label rather than applying it.
      if (isNegated(prose, match.start)) continue;
      const at = source.position(match.start, match.end);
      if (isReported(prose, match.start, quoted)) {
        // Someone else's word: changing it would misquote them, so no fix; the question is what lay behind it.
        report({
          message: `“${match.text}” is someone else’s word here. What did they see or hear that led them to it? Asking them what happened, and when, lets the record tell the child who may read it more than the label does.`,
          at,
        });
        continue;
      }
      // "refused to engage with the visit": the fix takes "with" too, so what the writer types reads on ("missed the visit").
      const withAfter = /(?:engage|engaging)$/i.test(match.text) ? /^[ \t]+with\b/i.exec(prose.slice(match.end))?.[0].length ?? 0 : 0;
      report({
        message: `“${match.text}” is a label. What did you actually see or hear? Describing what the person did or said, and when, helps the child who may read this one day understand what happened.`,
        at,
        fix: {
          start: match.start,
          end: match.end + withAfter,
          text: placeholder,
          snippet: `\${1:${placeholder.replace(/[$}\\]/g, '\\$&')}}`,
          title: `Describe what happened instead of “${match.text}”`,
        },
      });
    }
    for (const left of findPlaceholders(prose)) {
      report({
        message: 'This placeholder is waiting for what you saw or heard: what did the person do or say, and when?',
        at: source.position(left.start, left.end),
      });
    }
  },
};

function findPlaceholders(prose: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const text of [placeholder, olderPlaceholder]) {
    for (let at = prose.indexOf(text); at !== -1; at = prose.indexOf(text, at + text.length)) found.push({ start: at, end: at + text.length });
  }
  return found.sort((a, b) => a.start - b.start);
}
