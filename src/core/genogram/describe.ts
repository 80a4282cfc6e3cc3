// A genogram in words, for screen readers and anyone who cannot read the drawing: who is who, who are whose
// children, who lives with whom, and each relationship. Built from the layout, so it says what the drawing shows.
import type { GenogramLayout, PersonLayout } from './layout';
import { ageOf } from './kinship';

export interface TextSection {
  heading: string;
  items: string[];
}

const genderWords = { female: 'female', male: 'male', other: 'non-binary or another gender', unknown: 'gender not known' } as const;
const unionWords = { married: 'married', cohabiting: 'living together', engaged: 'engaged', partners: 'partners' } as const;
const emotionWords: Record<string, string> = {
  close: 'close',
  fused: 'very close (fused)',
  distant: 'distant',
  conflictual: 'conflictual',
  hostile: 'hostile',
  'close-hostile': 'close and hostile',
  'fused-hostile': 'fused and hostile',
  cutoff: 'cut off',
  'cutoff-repaired': 'cut off, since repaired',
};

function who(p: PersonLayout): string {
  const person = p.person;
  const parts: string[] = [person.pregnancy ?? genderWords[person.gender] ?? 'gender not known'];
  if (person.age !== undefined) parts.push(`age ${person.age}`);
  if (person.born !== undefined) parts.push(`b. ${person.born}`);
  if (person.deceased) parts.push(person.died !== undefined ? `d. ${person.died}` : 'has died');
  if (person.index) parts.push('the child the case is about');
  if (!person.declared) parts.push('named but not declared');
  return `${person.name}: ${parts.join(', ')}`;
}

export function describeGenogram(layout: GenogramLayout, options: { caseYear?: number } = {}): TextSection[] {
  const name = (key: string): string => layout.byKey.get(key)?.person.name ?? key;
  const list = (keys: string[]): string => {
    const names = keys.map(name);
    return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  };
  const sections: TextSection[] = [];
  // People by generation, oldest generation first, left to right as drawn.
  const people = layout.rows.flatMap((row, r) =>
    row.keys.map((k) => {
      const p = layout.byKey.get(k);
      if (!p) return '';
      const age = p.person.age === undefined && options.caseYear !== undefined ? ageOf(p.person, options.caseYear) : undefined;
      return `Generation ${r + 1}: ${who(p)}${age !== undefined ? `, about ${age} in ${options.caseYear}` : ''}`;
    }),
  ).filter(Boolean);
  sections.push({ heading: 'People', items: people });
  const couples = layout.unions.map((u) => {
    const [a, b] = u.partners;
    if (u.implicit) return `${list([a, b])}: parents of a child together (no couple line written)`;
    const s = u.union;
    const start = s?.from !== undefined ? ` since ${s.from}` : '';
    const end = u.end ? `, ${u.end}${s?.to !== undefined ? ` ${s.to}` : ''}` : '';
    return `${list([a, b])}: ${unionWords[u.type]}${start}${end}`;
  });
  if (couples.length) sections.push({ heading: 'Couples', items: couples });
  const children = layout.sibships.filter((s) => s.children.length).map((s) => {
    const kind = s.secondary ? `${s.kind === 'step' ? 'step-' : s.kind === 'adopted' ? 'adopted ' : s.kind === 'fostered' ? 'foster ' : ''}` : '';
    const noun = s.children.length === 1 ? `${kind}child` : `${kind}children`;
    const twins = layout.childLines.filter((c) => c.twin && s.children.includes(c.child) && !s.secondary);
    const twinNote = twins.length >= 2 ? ` (twins: ${list(twins.map((c) => c.child))}${twins.some((c) => c.twin?.identical) ? ', identical' : ''})` : '';
    return `${noun[0]!.toUpperCase()}${noun.slice(1)} of ${list(s.parents)}, oldest first: ${list(s.children)}${twinNote}`;
  });
  if (children.length) sections.push({ heading: 'Children', items: children });
  const households = layout.households
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((h) => `${h.household.label ? `“${h.household.label}”` : 'A household'}: ${list([...new Set(h.household.members)])} live together`);
  if (households.length) sections.push({ heading: 'Households', items: households });
  const relations = layout.relationships.map(({ relationship: r }) => {
    const word = r.kind === 'abuse' ? `${r.abuse ?? 'physical'} abuse` : (emotionWords[r.kind] ?? r.kind);
    if (r.direction === 'forward') return `${name(r.from)} towards ${name(r.to)}: ${word}`;
    if (r.direction === 'backward') return `${name(r.to)} towards ${name(r.from)}: ${word}`;
    if (r.direction === 'both') return `${name(r.from)} and ${name(r.to)}, both ways: ${word}`;
    return `${name(r.from)} and ${name(r.to)}: ${word}`;
  });
  if (relations.length) sections.push({ heading: 'Relationships', items: relations });
  return sections;
}
