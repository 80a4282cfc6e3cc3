import type { Person } from '../model/case';
import type { Rule } from './rule';
import { findPhrases } from '../text/words';
import { formatAge, hypothesesAnchor, nameParts } from '../model/queries';

const voiceWords = [
  'said', 'says', 'say', 'told', 'tells', 'asked', 'asks', 'wants', 'wanted', 'wishes', 'wished', 'hopes', 'hoped', 'drew', 'draws', 'drawing',
  // Things a child said or did; not "worried" or "feels", which are usually the writer's reading of them.
  'showed', 'shows', 'played', 'plays', 'described', 'describes', 'chose', 'chooses', 'shared', 'explained',
  'cried', 'laughed', 'smiled', 'in her words', 'in his words', 'in their words', 'in her own words', 'in his own words',
  'in their own words', 'view', 'views', 'wishes and feelings', 'voice',
];

const genericChild = ['child', 'children', 'son', 'daughter', 'young person', 'baby'];

function firstName(person: Person): string {
  return nameParts(person.name)[0] ?? person.name;
}

/** Own ways of being heard after a possessive: "Amy's drawing showed…" is Amy's voice, "Amy's mum said…" is not. */
const ownVoice = /^['’]s\s+(own\s+)?(drawing|drawings|picture|pictures|words|view|views|wishes|voice|play|story|account|diary|letter)\b/i;

/** Between the child and the verb: no one else's voice, and no "not" ("the children were not asked"). */
function heardFrom(sentence: string, from: number, to: number): boolean {
  const between = sentence.slice(from, to);
  if (/^['’]s\b/.test(between) && !ownVoice.test(sentence.slice(from))) return false;
  return !/\b(not|never|no one|nobody|n['’]t)\b/i.test(between);
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
    const children = model.people.filter((p) => p.isChild && !/unborn|pregnan/i.test(p.role ?? ''));
    if (children.length === 0) return;
    const speakers = [...new Set(children.map(firstName))];
    const prose = source.prose;
    // A sentence that names a child and a way of being heard ("Amy told me…", "in her drawing…").
    // The child named shortly before the verb: "Kerry says mornings are hard with the baby" is Kerry's voice.
    for (const sentence of prose.split(/(?<=[.!?])\s+|\n\s*\n/)) {
      const voices = findPhrases(sentence, voiceWords);
      if (voices.length === 0) continue;
      const mentions = [...findPhrases(sentence, speakers, 0, sentence.length, true), ...findPhrases(sentence, genericChild)];
      if (mentions.some((c) => voices.some((v) => v.start > c.start && v.start - c.end < 80 && heardFrom(sentence, c.end, v.start)))) return;
    }
    const childNames = new Set(children.map((c) => c.name.toLowerCase()).concat(children.map((c) => firstName(c).toLowerCase())));
    const heardFromChild = model.hypotheses
      .flatMap((h) => [...h.evidenceFor, ...h.evidenceAgainst])
      .some((e) => e.source && childNames.has(e.source.toLowerCase().split(/[\s(]/)[0] ?? ''));
    if (heardFromChild) return;
    const first = children[0] as Person;
    const names = children.map((c) => (c.age !== undefined ? `${c.name} (${formatAge(c.age)})` : c.name)).join(', ');
    report({
      message: `${names} ${children.length === 1 ? 'is' : 'are'} named, but CaseMark found nothing recording what ${children.length === 1 ? firstName(first) : 'the children'} said, showed or wished for. What would ${firstName(first)} say about this, in their own words? They may read this record one day.`,
      at: first.position ?? hypothesesAnchor(model, source),
    });
  },
};
