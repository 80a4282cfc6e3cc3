// Editing genogram and ecomap blocks without learning the grammar first: what to offer at the cursor (ids declared so
// far, the words that fit there), what a person's id stands for on hover, and the edits that rename an id on every
// line. Pure: the editor adapter (src/extension/genogram-editing.ts) turns these into VS Code's completions, hovers and
// one WorkspaceEdit.
import { tokenize, wordsNotIds, type Token } from './grammar';
import { ageAt, ageText, describeRelation } from './kinship';
import type { Genogram, GenogramPerson, Span } from './types';

export interface EditedBlock {
  kind: Genogram['kind'];
  /** The block's text, fences excluded. */
  source: string;
  /** What the block says, with spans into the case file (lineStarts hold each content line's offset). */
  genogram: Genogram;
}

export interface Completion {
  label: string;
  kind: 'person' | 'keyword';
  /** Text inserted: the id as a line would name them (quoted when it holds a space), or the keyword. */
  insert: string;
  /** A person's own line, or what a keyword means. */
  detail: string;
}

export interface Completions {
  /** Column in the line where the word being typed starts: completions replace from there to the cursor. */
  from: number;
  items: Completion[];
}

const coupleWords: Array<[string, string]> = [
  ['married', 'married couple'],
  ['cohabiting', 'living together'],
  ['engaged', 'engaged'],
  ['partners', 'a couple not living together'],
  ['separated', 'the couple has separated (add the year)'],
  ['divorced', 'divorced (add the year)'],
  ['widowed', 'one partner has died'],
];
const relationshipWords: Array<[string, string]> = [
  ['close', 'a close relationship'],
  ['very close', 'fused, enmeshed'],
  ['distant', 'a distant relationship'],
  ['conflictual', 'conflict between them'],
  ['hostile', 'hostility'],
  ['close-hostile', 'close and hostile'],
  ['cut-off', 'no contact'],
  ['cut-off repaired', 'a cut-off since repaired'],
  ['abuse physical', 'physical abuse (-> shows who towards whom)'],
  ['abuse emotional', 'emotional abuse'],
  ['abuse sexual', 'sexual abuse'],
  ['abuse neglect', 'neglect'],
];
const personWords: Array<[string, string]> = [
  ['female', 'gender'],
  ['male', 'gender'],
  ['other', 'gender'],
  ['unknown', 'gender not known'],
  ['born', 'born YEAR'],
  ['died', 'died [YEAR]'],
  ['index', 'the child the case is about (double outline)'],
  ['pregnancy', 'a pregnancy'],
  ['miscarriage', 'a pregnancy that ended'],
  ['stillbirth', 'a baby stillborn'],
  ['termination', 'a pregnancy terminated'],
  ['note:', 'any text, shown on hover'],
];
const childLinkWords: Array<[string, string]> = [
  ['adopted', 'adopted by these parents'],
  ['fostered', 'fostered by these carers'],
  ['step', 'a stepchild of these parents'],
  ['twins', 'the children are twins'],
  ['identical', 'identical twins'],
];
const lineStartWords: Array<[string, string]> = [
  ['person', 'person amy female 8'],
  ['household:', 'household: sara, amy'],
  ['note', 'note amy: speaks Polish'],
  ['twins', 'twins tom tim identical'],
];
const linkWords: Array<[string, string]> = [
  ['+', 'a couple: sara + dan married'],
  ['--', 'a relationship: sara -- dan close'],
  ['child of', 'amy child of sara + dan'],
  ['children of', 'amy, leo children of sara + dan'],
];
const ecomapStartWords: Array<[string, string]> = [
  ['family:', 'the family in the centre: family: sara, amy'],
  ['system', 'system school "Oakfield Primary"'],
  ['person', 'person amy female 8'],
  ['note', 'note school: …'],
];
const tieWords: Array<[string, string]> = [
  ['strong', 'a strong tie'],
  ['normal', 'an ordinary tie'],
  ['tenuous', 'a weak tie'],
  ['stressful', 'a stressful tie'],
];

const keywords = (words: Array<[string, string]>): Completion[] => words.map(([label, detail]) => ({ label, kind: 'keyword', insert: label, detail }));

/** The id as a line names a person: quoted when it has a space. */
export function typedId(id: string): string {
  return /\s/.test(id) ? `"${id}"` : id;
}

function lineOf(block: EditedBlock, line: number): string {
  return block.source.split(/\r?\n/)[line] ?? '';
}

/**
 * What fits at `column` of content line `line`: ids (people declared anywhere in the block, or in `known`, the file's
 * other blocks), and the words of the grammar that can come next (after `+` a couple's type, after `--` a relationship).
 */
export function completionsAt(block: EditedBlock, line: number, column: number, known: readonly GenogramPerson[] = []): Completions {
  const text = lineOf(block, line).slice(0, column);
  const { tokens, commentAt } = tokenize(text);
  if (commentAt < text.length) return { from: column, items: [] };
  const last = tokens[tokens.length - 1];
  const typing = last && last.end === text.length && (last.kind === 'word' || (last.kind === 'quoted' && last.unclosed)) ? last : undefined;
  const before = typing ? tokens.slice(0, -1) : tokens;
  const from = typing ? typing.start : column;
  const named = new Set(before.filter((t) => t.kind === 'word' || t.kind === 'quoted').map((t) => t.lower));
  const people = peopleOf(block, known)
    .filter((p) => !named.has(p.key))
    .map((p): Completion => ({ label: p.id, kind: 'person', insert: typedId(p.id), detail: personLine(block, p, known) }));
  const items = block.kind === 'ecomap' ? ecomapItems(block, before, people) : genogramItems(before, people);
  return { from, items };
}

function peopleOf(block: EditedBlock, known: readonly GenogramPerson[]): GenogramPerson[] {
  const seen = new Set<string>();
  const people: GenogramPerson[] = [];
  for (const person of [...block.genogram.people, ...known]) {
    if (!person.declared || seen.has(person.key)) continue;
    seen.add(person.key);
    people.push(person);
  }
  return people;
}

function genogramItems(before: Token[], people: Completion[]): Completion[] {
  const first = before[0];
  if (!first) return [...keywords(lineStartWords), ...people];
  const word = first.kind === 'word' ? first.lower : '';
  if (word === 'person' || word === 'people') return before.length === 1 ? [] : keywords(personWords);
  if (word === 'note' || word === 'notes') return before.length === 1 ? people : [];
  if (word === 'household' || word === 'home') return people;
  if (word === 'twins' || word === 'twin' || word === 'triplets') return [...people, ...keywords(childLinkWords.filter(([w]) => w === 'identical'))];
  const ofAt = before.findIndex((t) => t.kind === 'word' && t.lower === 'of');
  if (ofAt >= 0) {
    // After "of": parents joined by +, then what kind of children they are.
    const after = before.slice(ofAt + 1);
    const lastToken = after[after.length - 1];
    const expectParent = !lastToken || lastToken.kind === 'comma' || (lastToken.kind === 'connector' && (lastToken.text === '+' || lastToken.text === '&'));
    return expectParent ? people : [...keywords(childLinkWords), ...keywords([['+', 'the other parent']])];
  }
  const connectorAt = before.findIndex((t) => t.kind === 'connector');
  if (connectorAt >= 0) {
    const connector = (before[connectorAt] as Token).text;
    if (connectorAt === before.length - 1) return people;
    return connector === '+' || connector === '&' ? keywords(coupleWords) : keywords(relationshipWords);
  }
  // One or more ids so far: a couple, a relationship, or a children line comes next.
  const lastToken = before[before.length - 1] as Token;
  if (lastToken.kind === 'word' && /^(child|children|son|sons|daughter|daughters|kid|kids)$/.test(lastToken.lower)) return keywords([['of', 'then one or two parents: amy child of sara + dan']]);
  return lastToken.kind === 'comma' ? people : [...keywords(linkWords), ...people];
}

function ecomapItems(block: EditedBlock, before: Token[], people: Completion[]): Completion[] {
  const systems = block.genogram.systems.filter((s) => s.declared).map((s): Completion => ({ label: s.id, kind: 'keyword', insert: typedId(s.id), detail: s.name === s.id ? 'a system' : s.name }));
  const first = before[0];
  if (!first) return [...keywords(ecomapStartWords), ...people, ...systems];
  const word = first.kind === 'word' ? first.lower : '';
  if (word === 'person' || word === 'people') return before.length === 1 ? [] : keywords(personWords);
  if (word === 'system') return [];
  if (word === 'family' || word === 'household' || word === 'centre' || word === 'center' || word === 'home') {
    if (!before.some((t) => t.kind === 'connector')) return people;
  }
  const connectorAt = before.findIndex((t) => t.kind === 'connector');
  if (connectorAt >= 0) return connectorAt === before.length - 1 ? [...keywords([['family', 'the family in the centre']]), ...systems, ...people] : keywords(tieWords);
  return keywords([['--', 'a tie: family -- school'], ['->', 'energy towards: family -> school']]);
}

/** A person's own line, as written (comments left out). */
function personLine(block: EditedBlock, person: GenogramPerson, known: readonly GenogramPerson[] = []): string {
  const own = block.genogram.people.includes(person) && person.declared && block.genogram.kind === 'genogram';
  if (!own && known.includes(person)) return `${person.name}, from the genogram`;
  const text = lineOf(block, person.span.line);
  return text.slice(0, tokenize(text).commentAt).trim();
}

export interface HoverInfo {
  /** Where the id stands, in the file. */
  span: Span;
  /** "Jo (29), Kai’s father’s partner": name, age (or "age not recorded") and relation to the index child. */
  summary: string;
  /** The person's own line. */
  line: string;
}

/** The person whose id (or name) stands at `offset` in the file, if any. */
export function personAt(genogram: Genogram, offset: number): { person: GenogramPerson; span: Span } | undefined {
  for (const person of genogram.people) if (person.declared && person.span.start <= offset && offset <= person.span.end) return { person, span: person.span };
  for (const ref of genogram.references ?? []) {
    if (ref.span.start <= offset && offset <= ref.span.end) {
      const person = genogram.people.find((p) => p.key === ref.key);
      if (person) return { person, span: ref.span };
    }
  }
  return undefined;
}

/**
 * What an id on any line stands for: the person's line, their age at the case's year and who they are to the index
 * child. `family` is the file's genogram, where an ecomap's people are related; `caseYear` dates ages from birth years.
 */
export function hoverAt(block: EditedBlock, offset: number, caseYear: number, family: Genogram = block.genogram, familyBlock: EditedBlock = block): HoverInfo | undefined {
  const found = personAt(block.genogram, offset);
  if (!found) return undefined;
  const { person } = found;
  const own = family.people.find((p) => p.key === person.key && p.declared) ?? person;
  const index = family.people.find((p) => p.index && !p.pregnancy);
  const relation = index && index.key !== person.key ? describeRelation(family, person.key, [index.key]) : undefined;
  const who = person.pregnancy ? person.name : `${person.name} (${ageText(ageAt(own, caseYear))})`;
  const summary = `${who}${own.index ? ', the index person' : ''}${own.deceased ? ', who has died' : ''}${relation ? `, ${relation}` : ''}`;
  const home = own === person ? block : familyBlock;
  return { span: found.span, summary, line: personLine(home, own) };
}

/** Hover in one of a file's diagram blocks: an ecomap's people are related through the file's genogram that declares them. */
export function hoverInFile(blocks: readonly EditedBlock[], at: number, offset: number, caseYear: number): HoverInfo | undefined {
  const block = blocks[at];
  const found = block && personAt(block.genogram, offset);
  if (!block || !found) return undefined;
  const family = block.kind === 'ecomap' ? blocks.find((b) => b.kind === 'genogram' && b.genogram.people.some((p) => p.key === found.person.key && p.declared)) : undefined;
  return family ? hoverAt(block, offset, caseYear, family.genogram, family) : hoverAt(block, offset, caseYear);
}

export interface RenameTarget {
  key: string;
  id: string;
  span: Span;
}

/** The id that a rename at `offset` would change, or a sentence saying why there is none. */
export function renameTargetAt(genogram: Genogram, offset: number): RenameTarget | string {
  const found = personAt(genogram, offset);
  if (!found) return 'Put the cursor on a person’s id to rename it.';
  if (!found.person.declared) return `“${found.person.id}” has no person line yet: add one before renaming.`;
  return { key: found.person.key, id: found.person.id, span: found.span };
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Why `id` cannot be a new id, or undefined when it can. */
export function invalidId(id: string, taken: ReadonlySet<string>): string | undefined {
  const trimmed = id.trim();
  if (!trimmed) return 'An id cannot be empty.';
  if (/["“”,;=#:]/.test(trimmed)) return 'An id cannot hold quotes, commas, semicolons, colons, = or #.';
  const { tokens } = tokenize(typedId(trimmed));
  if (tokens.length !== 1 || tokens[0]?.text !== trimmed) return `“${trimmed}” would be read as more than one word: leave out +, -- and arrows.`;
  if (/^\d/.test(trimmed)) return `“${trimmed}” starts with a number, which a person line reads as an age or a year.`;
  if (wordsNotIds.has(trimmed.toLowerCase())) return `“${trimmed}” is a word genogram lines read as grammar, so it cannot be an id.`;
  if (taken.has(trimmed.toLowerCase())) return `“${trimmed}” is already someone’s id or name in this file.`;
  return undefined;
}

/**
 * The edits that rename the person `key` to `newId` on every line of every diagram block of the file that names them
 * by their id (a line naming them by their quoted display name is left as written: it still finds them). Returns a
 * sentence instead when the new id would not read back as the same person.
 */
export function renameEdits(genograms: readonly Genogram[], key: string, newId: string): TextEdit[] | string {
  const people = genograms.flatMap((g) => g.people.filter((p) => p.declared));
  const person = people.find((p) => p.key === key);
  if (!person) return 'No one with this id is declared in the file.';
  const taken = new Set(people.filter((p) => p.key !== key).flatMap((p) => [p.key, p.name.toLowerCase()]));
  for (const g of genograms) for (const s of g.systems) if (s.declared) taken.add(s.key);
  const problem = invalidId(newId, taken);
  if (problem) return problem;
  const text = typedId(newId.trim());
  const edits = new Map<number, TextEdit>();
  for (const genogram of genograms) {
    for (const p of genogram.people) if (p.key === key && p.declared && p.id.toLowerCase() === key) edits.set(p.span.start, { start: p.span.start, end: p.span.end, text });
    for (const ref of genogram.references ?? []) {
      // A quoted reference is a display name unless it is the id exactly: "Amy" for amy "Amy" stays as written.
      const quoted = ref.span.end - ref.span.start > ref.text.length;
      const byId = quoted ? ref.text === person.id : ref.text.toLowerCase() === key;
      if (ref.key === key && byId) edits.set(ref.span.start, { start: ref.span.start, end: ref.span.end, text });
    }
  }
  return [...edits.values()].sort((a, b) => a.start - b.start);
}
