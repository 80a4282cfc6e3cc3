import type { Person } from '../model/case';
import type { Rule } from './rule';
import { findPhrases } from '../text/words';
import { ageText } from '../genogram/kinship';
import { hypothesesAnchor, nameParts } from '../model/queries';

const voiceWords = [
  'said', 'says', 'say', 'told', 'tells', 'asked', 'asks', 'wants', 'wanted', 'wishes', 'wished', 'hopes', 'hoped', 'drew', 'draws', 'drawing',
  // Things a child said or did; not "worried" or "feels", which are usually the writer's reading of them.
  'showed', 'shows', 'played', 'plays', 'described', 'describes', 'chose', 'chooses', 'shared', 'explained',
  'cried', 'laughed', 'smiled', 'in her words', 'in his words', 'in their words', 'in her own words', 'in his own words',
  'in their own words', 'view', 'views', 'wishes and feelings', 'voice',
  // What a baby or a young child does is their voice too: who they reached for, where they settled.
  'reached', 'reaches', 'settled', 'babbled', 'pointed', 'clung', 'cuddled', 'hugged', 'turned to', 'ran to', 'looked for',
];

const genericChild = ['child', 'children', 'son', 'daughter', 'young person', 'baby'];

/**
 * What to call a child in a question, and what to look for in the text: the first name, or the whole name when it
 * does not start with one ("the baby", "R Patel", "Baby Patel": never "the" or a surname on its own).
 */
function firstName(person: Person): string {
  const words = person.name.trim().split(/\s+/);
  const parts = nameParts(person.name);
  const first = parts[0];
  if (!first || first !== words[0] || /^(the|a|an|baby|infant|unborn|child)$/i.test(first)) return person.name.trim();
  return first;
}

/** A children's guardian, special guardian or guardian ad litem is an adult in the child's case, whatever their role's other words. */
function isGuardian(person: Person): boolean {
  return /\bguardian\b/i.test(person.role ?? '') || /^the guardian$/i.test(person.name.trim());
}

/** "Matthew is asked to keep his coat on", "Kai was told": someone else speaking to the child. */
function isPassive(sentence: string, verbAt: number): boolean {
  return /\b(is|are|was|were|been|being|be|gets|got|get)\s+(often\s+|always\s+|also\s+|then\s+|usually\s+)?$/i.test(sentence.slice(Math.max(0, verbAt - 30), verbAt));
}

/** Own ways of being heard after a possessive: "Amy's drawing showed…" is Amy's voice, "Amy's mum said…" is not. */
const ownVoice = /^['’]s\s+(own\s+)?(drawing|drawings|picture|pictures|words|view|views|wishes|voice|play|story|account|diary|letter)\b/i;

/** Between the child and the verb: no one else's voice, and no "not" ("the children were not asked"). */
function heardFrom(sentence: string, from: number, to: number): boolean {
  const between = sentence.slice(from, to);
  if (/^['’]s\b/.test(between) && !ownVoice.test(sentence.slice(from))) return false;
  return !/\b(not|never|no one|nobody|n['’]t)\b/i.test(between);
}

/** Who a source names first: "Mia", "Mia, at school" (the dialect's two-part form), "Amy Jones (school)". */
function sourceNames(source: string): string[] {
  const first = source.toLowerCase().split(/[,;(]/)[0]?.trim() ?? '';
  return [first, first.split(/\s+/)[0] ?? ''];
}

export const childVoiceAbsent: Rule = {
  id: 'child-voice-absent',
  alias: 'voice-of-the-child',
  description: 'Children are named, but nothing records what any child said, did or wants.',
  rationale:
    'The record is the child’s: they may read it one day. Their words, play and wishes belong in the analysis, not only adults’ accounts of them.',
  category: 'recording',
  defaultSeverity: 'warning',
  options: {},
  check({ model, source, report }) {
    const children = model.people.filter((p) => p.isChild && !/unborn|pregnan/i.test(p.role ?? '') && !isGuardian(p));
    if (children.length === 0) return;
    const speakers = [...new Set(children.map(firstName))];
    const prose = source.prose;
    // A sentence that names a child and a way of being heard ("Amy told me…", "in her drawing…").
    // The child named shortly before the verb: "Kerry says mornings are hard with the baby" is Kerry's voice.
    // A list item is a sentence of its own even without a full stop: a name must not run on into the next item.
    for (const sentence of prose.split(/(?<=[.!?])\s+|\n\s*\n|\n[ \t]*(?=(?:[-*+]|\d{1,9}[.)])[ \t])/)) {
      const voices = findPhrases(sentence, voiceWords);
      if (voices.length === 0) continue;
      const mentions = [...findPhrases(sentence, speakers, 0, sentence.length, true), ...findPhrases(sentence, genericChild)];
      if (mentions.some((c) => voices.some((v) => v.start > c.start && v.start - c.end < 80 && heardFrom(sentence, c.end, v.start) && !isPassive(sentence, v.start)))) return;
    }
    const childNames = new Set(children.map((c) => c.name.toLowerCase()).concat(children.map((c) => firstName(c).toLowerCase())));
    const heardFromChild = model.hypotheses
      .flatMap((h) => [...h.evidenceFor, ...h.evidenceAgainst])
      .some((e) => e.source && sourceNames(e.source).some((name) => childNames.has(name)));
    if (heardFromChild) return;
    const first = children[0] as Person;
    const names = children.map((c) => `${c.name} (${ageText(c.age)})`).join(', ');
    report({
      message: `${names} ${children.length === 1 ? 'is' : 'are'} named, but CaseMark found nothing recording what ${children.length === 1 ? firstName(first) : 'the children'} said, showed or wished for. What would ${firstName(first)} say about this, in their own words? They may read this record one day.`,
      at: first.position ?? hypothesesAnchor(model, source),
    });
  },
};
