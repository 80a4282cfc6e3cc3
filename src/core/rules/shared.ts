// Small helpers several rules share: where to point, who a hypothesis is about, fixes that insert items.
import type { CaseModel, Hypothesis, Person, Position } from '../model';
import type { Fix, Report } from '../rule';
import type { Genogram, GenogramPerson, Span } from '../genogram/types';
import type { SourceText } from '../source';
import { findPhrases, wordTable } from '../words';

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

/** Problems the genogram reader found, for the rule named on them. */
export function reportDiagramProblems(ruleId: string, model: CaseModel, source: SourceText, report: (r: Report) => void): void {
  for (const diagram of model.diagrams) {
    for (const problem of diagram.genogram.problems) {
      if (problem.ruleId !== ruleId) continue;
      const { span, replacement } = problem;
      // A quoted reference's span covers its quotes too, so the replacement stands in for the whole of it.
      const fix = replacement !== undefined ? { start: span.start, end: span.end, text: replacement, title: `Change to ${replacement}` } : undefined;
      report({ message: problem.message, at: spanPosition(source, span), fix });
    }
  }
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
