// Questions asked of the case model by the rules, the viewpoint, the exercises and sharing: where to point, who a
// hypothesis is about, which hypothesis the notes lean towards, who in a child's home no hypothesis mentions.
import { describeRelation, kinship, relationBetween } from '../genogram/kinship';
import type { Genogram, GenogramPerson, Span } from '../genogram/types';
import type { CaseModel, Fix, Frontmatter, Hypothesis, Person, Position } from './case';
import type { SourceText } from '../text/source';
import { findPhrases, wordTable } from '../text/words';

/** The Hypotheses heading, else the first heading, else the start of the text after the frontmatter. */
export function hypothesesAnchor(model: CaseModel, source: SourceText): Position {
  const section = model.sections.find((s) => s.kind === 'hypotheses') ?? model.sections[0];
  if (section) return section.heading;
  const start = model.frontmatter.position?.end.offset ?? 0;
  const at = source.text.slice(start).search(/\S/);
  const offset = at === -1 ? start : start + at;
  return source.position(offset, offset);
}

/** A source as one key: "The school" and "school" are one source. */
export function sourceKey(source: string): string {
  return source.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Evidence that supports a hypothesis: `For:` items, less notes that none was found. */
export function supporting(hypothesis: Hypothesis) {
  return hypothesis.evidenceFor.filter((e) => !e.noneFound);
}

/** A fix that adds a `Keyword: ` item under a hypothesis, at the indentation its other items use. */
export function insertItemFix(hypothesis: Hypothesis, keyword: string): Fix {
  return {
    start: hypothesis.insertAt,
    end: hypothesis.insertAt,
    text: `\n${hypothesis.childIndent}- ${keyword}: `,
    title: `Add ${/^[aeiou]/i.test(keyword) ? 'an' : 'a'} ${keyword}: item to ${hypothesis.label}`,
    bulk: true,
  };
}

const roleWords = wordTable<string>('roleWords', {
  mother: 'mother', mum: 'mother', mom: 'mother', mummy: 'mother',
  father: 'father', dad: 'father', daddy: 'father',
  stepfather: 'stepfather', stepdad: 'stepfather', 'step-father': 'stepfather',
  stepmother: 'stepmother', stepmum: 'stepmother', 'step-mother': 'stepmother',
  grandmother: 'grandmother', nan: 'grandmother', nana: 'grandmother', gran: 'grandmother', grandma: 'grandmother',
  grandfather: 'grandfather', grandad: 'grandfather', grandpa: 'grandfather',
  partner: 'partner', boyfriend: 'partner', girlfriend: 'partner',
  child: 'child', son: 'child', daughter: 'child', baby: 'child',
  aunt: 'aunt', uncle: 'uncle', brother: 'brother', sister: 'sister', carer: 'carer',
});

const selfWords = ['I', 'me', 'my', 'we', 'us', 'our', 'worker', 'social worker', 'professionals', 'professional system', 'practitioner', 'agency', 'agencies', 'services'];

/** The parts of a name that name someone on their own: "Amy Jones" gives Amy and Jones; "Mr K" gives none. */
export function nameParts(name: string): string[] {
  return name.split(/\s+/).filter((p) => p.length > 1 && !/^(mr|mrs|ms|miss|mx|dr)\.?$/i.test(p));
}

const roleExpression = new RegExp(`(?<![\\p{L}])(${Object.keys(roleWords).join('|')})(?![\\p{L}])`, 'giu');

function personKey(person: Person): string {
  return person.name.toLowerCase();
}

/** Who a hypothesis is about: its `About:` names, else the people and family roles its statement mentions. */
export function subjectsOf(hypothesis: Hypothesis, people: Person[]): Set<string> {
  const byRole = new Map<string, string>();
  for (const person of people) {
    const role = person.role?.toLowerCase().trim();
    const normal = role ? roleWords[role] : undefined;
    if (normal && !byRole.has(normal)) byRole.set(normal, personKey(person));
  }
  const resolve = (word: string): string => {
    const lower = word.toLowerCase().trim();
    // "About: me", "About: the professional system".
    const bare = lower.replace(/^the\s+/, '');
    if (findPhrases(bare, selfWords).some((m) => m.start === 0 && m.end === bare.length)) return 'worker';
    const person = people.find((p) => p.name.toLowerCase() === lower || p.name.toLowerCase().split(/\s+/)[0] === lower);
    if (person) return personKey(person);
    const role = roleWords[lower.replace(/^(the|her|his|their)\s+/, '')];
    return role ? (byRole.get(role) ?? role) : lower;
  };
  if (hypothesis.about.length > 0) return new Set(hypothesis.about.map((a) => resolve(a.text)));
  const subjects = new Set<string>();
  const text = hypothesis.statement.text;
  for (const person of people) {
    // The whole name ("Mr K"), or any part of it that is a name on its own ("Amy" of "Amy Jones").
    const parts = [person.name, ...nameParts(person.name)];
    if (findPhrases(text, parts, 0, text.length, true).length > 0) subjects.add(personKey(person));
  }
  for (const m of text.matchAll(roleExpression)) subjects.add(resolve(m[1] ?? ''));
  // "I may have heard only Kerry's account" is about the worker as much as about Kerry.
  if (findPhrases(text, selfWords).length > 0) subjects.add('worker');
  return subjects;
}

/** Where a genogram span is in the case file. */
export function spanPosition(source: SourceText, span: Span): Position {
  return source.position(span.start, span.end);
}

/** A person's name as the drawing shows it, with their age when known. */
export function genogramLabel(person: GenogramPerson, age?: number): string {
  return age !== undefined ? `${person.name} (${formatAge(age)})` : person.name;
}

export function formatAge(age: number): string {
  if (age >= 1 || age === 0) return String(Math.floor(age));
  const months = Math.round(age * 12);
  return months >= 1 ? `${months} months` : `${Math.max(1, Math.round(age * 52))} weeks`;
}

/** A genogram's display names by key, for messages. */
export function namesByKey(genogram: Genogram): Map<string, string> {
  return new Map(genogram.people.map((p) => [p.key, p.name] as const));
}

/** A person's id as the writer would type it on a line: quoted when it has a space ("Ms B"). */
export function typedId(genogram: Genogram, key: string): string {
  const id = genogram.people.find((p) => p.key === key)?.id ?? key;
  return /\s/.test(id) ? `"${id}"` : id;
}

/** The year the case is written in: the frontmatter `date`'s, else this year; ages from birth years use it. */
export function caseYear(frontmatter: Frontmatter): number {
  const match = /^(\d{4})/.exec(String(frontmatter.date ?? ''));
  // Without a dated record, ages from birth years are as of today.
  return match ? Number(match[1]) : new Date().getFullYear();
}

/** The hypothesis the notes lean towards: marked supported, else the one with clearly the most evidence for it. */
export function favouredHypothesis(hypotheses: Hypothesis[]): Hypothesis | undefined {
  const supported = hypotheses.find((h) => h.status?.value === 'supported');
  if (supported) return supported;
  const ranked = [...hypotheses].sort((a, b) => supporting(b).length - supporting(a).length);
  const [first, second] = ranked;
  if (!first || supporting(first).length === 0) return undefined;
  return second && supporting(second).length === supporting(first).length ? undefined : first;
}

/**
 * National reviews of serious incidents keep finding men in a child's home whom the assessment never
 * considered ("The Myth of Invisible Men", Child Safeguarding Practice Review Panel, 2021). This asks about
 * any adult who lives with a child and appears in no hypothesis: a question to bring, not a finding.
 */
export interface UnseenAdult {
  adult: GenogramPerson;
  /** The index child if they share the household, else its first child. */
  child: GenogramPerson;
  /**
   * Who the adult is, each part naming the child it is worded from ("Kai’s father’s partner and Leo’s mother");
   * undefined when no child has a plain word for them.
   */
  relation?: string;
  age?: number;
}

/** The genogram that says how people are related: the block itself, else the file's genogram that declares them. */
function familyOf(model: CaseModel, genogram: Genogram, key: string): Genogram | undefined {
  if (genogram.kind === 'genogram') return genogram;
  return model.diagrams.find((d) => d.genogram.kind === 'genogram' && d.genogram.people.some((p) => p.key === key && p.declared))?.genogram;
}

/**
 * The relation as a sentence can state it: from the named child, then from the household's other children where
 * their word differs ("Kai’s father’s partner and Leo’s mother"); from the index child, named, when the household's
 * children have no word for the adult.
 */
export function relationFor(model: CaseModel, genogram: Genogram, adult: string, child: string, others: readonly string[] = [], nameOf: (p: GenogramPerson) => string = (p) => p.name): string | undefined {
  const family = familyOf(model, genogram, adult);
  if (!family) return undefined;
  const terms = new Set<string>();
  const from = [child, ...others].filter((key) => {
    const term = relationBetween(family, key, adult)?.term;
    if (!term || terms.has(term)) return false;
    terms.add(term);
    return true;
  });
  const index = family.people.find((p) => p.index && !p.pregnancy);
  if (from.length === 0 && index) from.push(index.key);
  return describeRelation(family, adult, from, nameOf);
}

/** Adults in a child's household (genogram households, ecomap centres) that no hypothesis mentions. */
export function unseenAdults(model: CaseModel, text: string): UnseenAdult[] {
  if (model.hypotheses.length === 0) return [];
  // Most files have no household at all: then nothing below (which reads every person against every hypothesis) runs.
  if (!model.diagrams.some((d) => d.genogram.households.length > 0 || d.genogram.centre)) return [];
  const year = caseYear(model.frontmatter);
  const hypothesisText = model.hypotheses.map((h) => text.slice(h.position.start.offset ?? 0, h.position.end.offset ?? 0)).join('\n');
  let subjects: Set<string> | undefined;
  const subjectsNow = (): Set<string> => (subjects ??= new Set(model.hypotheses.flatMap((h) => [...subjectsOf(h, model.people)])));
  const found: UnseenAdult[] = [];
  const asked = new Set<string>();
  for (const diagram of model.diagrams) {
    const { genogram } = diagram;
    const kin = kinship(genogram, year);
    const byKey = new Map(genogram.people.map((p) => [p.key, p] as const));
    const homes = [...genogram.households.map((h) => h.members), ...(genogram.centre ? [genogram.centre.members] : [])];
    for (const members of homes) {
      const people = members.map((key) => byKey.get(key)).filter((p) => p !== undefined);
      const children = people.filter((p) => kin.get(p.key)?.isChild);
      if (children.length === 0) continue;
      const child = children.find((c) => c.index) ?? (children[0] as (typeof children)[number]);
      for (const adult of people) {
        const k = kin.get(adult.key);
        // The case is about the index person, whatever their age: they are never an adult no one has considered.
        if (!adult.declared || k?.isChild || adult.index || adult.pregnancy || adult.deceased || asked.has(adult.key)) continue;
        // The same person may be listed in the frontmatter under another name ("Sara" for "Sara Jones").
        const known = model.people.filter((p) => p.key === adult.key);
        const keys = [adult.name, ...known.map((p) => p.name)].map((n) => n.toLowerCase());
        // Names in their capitals: an adult called May is not mentioned by every "may".
        const names = [adult.name, ...nameParts(adult.name), ...known.flatMap((p) => [p.name, ...nameParts(p.name)])];
        if (keys.some((key) => subjectsNow().has(key)) || findPhrases(hypothesisText, names, 0, hypothesisText.length, true).length > 0) continue;
        asked.add(adult.key);
        // An ecomap has no parent lines: the relation then comes from the file's genogram.
        const others = children.filter((c) => c !== child).map((c) => c.key);
        found.push({ adult, child, relation: relationFor(model, genogram, adult.key, child.key, others, (p) => shortName(p.name)), age: k?.age ?? known[0]?.age });
      }
    }
  }
  return found;
}

/** A name as a message can carry it: a pasted paragraph in a name field must not flood the Problems panel. */
export function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}
