// Reads the text of a ```genogram or ```ecomap block, one statement a line, into a Genogram.
// Forgiving: any word order after the first words, any case, commas or spaces; a line that cannot be
// read becomes a problem with its place and what was expected, and the rest of the block still counts.
import type {
  AbuseKind,
  ChildKind,
  Direction,
  EcomapSystem,
  EcomapTie,
  EmotionKind,
  Gender,
  Genogram,
  GenogramChild,
  GenogramPerson,
  GenogramProblem,
  PregnancyKind,
  Span,
  TieStrength,
  UnionEnd,
  UnionType,
} from './types';
import { wordTable } from '../text/words';

export interface ParseOptions {
  /** Offset in the case file of each content line, so spans point into the file. */
  lineStarts?: number[];
  /** People from the file's genogram blocks, which an ecomap may refer to. */
  known?: GenogramPerson[];
}

export type TokenKind = 'word' | 'quoted' | 'connector' | 'comma' | 'colon';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower-cased text, trailing colon removed, for keyword tests. */
  lower: string;
  /** Columns in the line. */
  start: number;
  end: number;
  /** A word written with a colon stuck to it (`family:`, `note:`). */
  colon: boolean;
  /** A quoted name whose closing quote is missing: it ran to the end of the line. */
  unclosed?: boolean;
}

interface Reference {
  text: string;
  span: Span;
}

const connectors = ['<->', '->', '<-', '--', '—', '–', '+', '&'];
/** Words from `key=value` forms (`sex=F`, `type=marriage`), read as the value alone. */
const ignoredKeys = new Set(['sex', 'gender', 'type', 'status', 'kind', 'strength', 'flow']);

/** Splits a line into words, "quoted names", connectors, commas and colons; `#` after a space starts a comment. */
export function tokenize(line: string): { tokens: Token[]; commentAt: number } {
  const tokens: Token[] = [];
  let i = 0;
  let commentAt = line.length;
  const push = (kind: TokenKind, start: number, end: number, text = line.slice(start, end)): void => {
    const colon = kind === 'word' && text.length > 1 && text.endsWith(':');
    const bare = colon ? text.slice(0, -1) : text;
    tokens.push({ kind, text: bare, lower: bare.toLowerCase(), start, end: colon ? end - 1 : end, colon });
  };
  while (i < line.length) {
    const c = line[i] as string;
    // `=` joins a key to its value (`age=32`): read it as a space.
    if (/\s/.test(c) || c === '=') {
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) {
      commentAt = i;
      break;
    }
    if (c === '"' || c === '“' || c === '”') {
      const close = line.slice(i + 1).search(/["“”]/);
      const end = close === -1 ? line.length : i + 1 + close + 1;
      push('quoted', i, end, line.slice(i + 1, close === -1 ? line.length : end - 1).trim());
      if (close === -1) (tokens[tokens.length - 1] as Token).unclosed = true;
      i = end;
      continue;
    }
    const connector = connectors.find((k) => line.startsWith(k, i));
    // "-" alone between spaces is a connector too; inside a word (step-child, 2010-2018) it is not.
    if (connector || (c === '-' && (i + 1 >= line.length || /\s/.test(line[i + 1] as string)) && (i === 0 || /\s/.test(line[i - 1] as string)))) {
      const text = connector ?? '-';
      push('connector', i, i + text.length);
      i += text.length;
      continue;
    }
    if (c === ',' || c === ';') {
      push('comma', i, i + 1);
      i++;
      continue;
    }
    if (c === ':') {
      push('colon', i, i + 1);
      i++;
      continue;
    }
    let end = i;
    while (end < line.length && !/[\s,;="“”]/.test(line[end] as string)) {
      if (end > i && connectors.some((k) => line.startsWith(k, end))) break;
      end++;
    }
    push('word', i, end);
    i = end;
  }
  return { tokens, commentAt };
}

const genders = wordTable<Gender>('genders', {
  female: 'female', f: 'female', woman: 'female', girl: 'female',
  male: 'male', m: 'male', man: 'male', boy: 'male',
  other: 'other', 'non-binary': 'other', nonbinary: 'other', nb: 'other', x: 'other', trans: 'other', transgender: 'other',
  unknown: 'unknown', '?': 'unknown', 'not-known': 'unknown',
});

const pregnancies = wordTable<PregnancyKind>('pregnancies', {
  pregnancy: 'pregnancy', pregnant: 'pregnancy', unborn: 'pregnancy', expected: 'pregnancy',
  miscarriage: 'miscarriage', miscarried: 'miscarriage',
  termination: 'termination', terminated: 'termination', abortion: 'termination',
  stillbirth: 'stillbirth', stillborn: 'stillbirth',
});

const unionTypes = wordTable<UnionType>('unionTypes', {
  married: 'married', marriage: 'married', spouses: 'married', wed: 'married',
  cohabiting: 'cohabiting', cohabit: 'cohabiting', cohabitation: 'cohabiting', cohabitating: 'cohabiting', 'living-together': 'cohabiting',
  engaged: 'engaged', engagement: 'engaged',
  partners: 'partners', partner: 'partners', dating: 'partners', relationship: 'partners', together: 'partners', couple: 'partners',
});

const unionEnds = wordTable<UnionEnd>('unionEnds', {
  separated: 'separated', separation: 'separated', split: 'separated',
  divorced: 'divorced', divorce: 'divorced',
  widowed: 'widowed', widow: 'widowed', widower: 'widowed',
});

const childKinds = wordTable<ChildKind>('childKinds', {
  biological: 'biological', bio: 'biological', birth: 'biological', natural: 'biological',
  adopted: 'adopted', adoption: 'adopted', adoptive: 'adopted',
  fostered: 'fostered', foster: 'fostered', 'foster-child': 'fostered', 'foster-children': 'fostered',
  step: 'step', 'step-child': 'step', stepchild: 'step', 'step-children': 'step', stepchildren: 'step',
  stepson: 'step', stepdaughter: 'step', 'step-son': 'step', 'step-daughter': 'step',
});

const childWords = new Set(['child', 'children', 'son', 'sons', 'daughter', 'daughters', 'kid', 'kids']);
const twinWords = new Set(['twins', 'twin', 'triplets']);
const identicalWords = wordTable<boolean>('identicalWords', { identical: true, mz: true, monozygotic: true, 'non-identical': false, nonidentical: false, fraternal: false, dz: false, dizygotic: false });

const abuseKinds = wordTable<AbuseKind>('abuseKinds', {
  physical: 'physical', emotional: 'emotional', psychological: 'emotional', sexual: 'sexual', neglect: 'neglect', neglectful: 'neglect', neglects: 'neglect',
});

const emotionWords = new Set([
  'close', 'very', 'fused', 'enmeshed', 'distant', 'distance', 'conflict', 'conflictual', 'conflicted', 'hostile', 'hostility',
  'cutoff', 'cut-off', 'cut', 'off', 'estranged', 'repaired', 'reconciled', 'abuse', 'abusive', 'abused',
  'close-hostile', 'fused-hostile', 'cutoff-repaired', 'cut-off-repaired',
]);

const tieStrengths = wordTable<TieStrength>('tieStrengths', {
  strong: 'strong', close: 'strong', good: 'strong',
  normal: 'normal', moderate: 'normal', ok: 'normal', average: 'normal',
  tenuous: 'tenuous', weak: 'tenuous', thin: 'tenuous', distant: 'tenuous', limited: 'tenuous',
});
const stressWords = new Set(['stressful', 'stress', 'stressed', 'conflict', 'conflictual', 'tense', 'strained', 'difficult']);
const centreWords = new Set(['family', 'household', 'centre', 'center', 'home']);

/** Words the reader gives a meaning to: an id made by CaseMark (a shareable copy's) must not be one of them. */
export const reservedWords: ReadonlySet<string> = new Set([
  ...Object.keys(genders), ...Object.keys(pregnancies), ...Object.keys(unionTypes), ...Object.keys(unionEnds), ...Object.keys(childKinds),
  ...childWords, ...twinWords, ...Object.keys(identicalWords), ...Object.keys(abuseKinds), ...emotionWords, ...Object.keys(tieStrengths),
  ...stressWords, ...centreWords,
  'person', 'people', 'note', 'notes', 'system', 'union', 'rel', 'relationship', 'of', 'and', 'index', 'index-person', 'ip', 'focus',
  'living', 'together', 'since', 'from', 'to', 'until', 'order', 'born', 'died', 'dead', 'deceased', 'age', 'aged',
]);

/**
 * Words that other lines read as grammar wherever they stand (`foster` in a children line, `household` starting a
 * line): a person cannot have one as their id, so the person line refuses it and says why.
 */
export const wordsNotIds: ReadonlySet<string> = new Set([
  ...Object.keys(childKinds), ...childWords, ...twinWords, ...Object.keys(identicalWords),
  'person', 'people', 'note', 'notes', 'household', 'home', 'union', 'rel', 'relationship', 'of', 'and', 'order',
]);

/** Why an id cannot be used, and what to write instead. */
function notAnIdMessage(id: string): string {
  const name = displayName(id);
  return `“${id}” cannot be a person’s id: genogram lines read it as part of the grammar (as in “amy child of sara fostered”, “twins tom tim”, “household: …”), so no other line could name this person by it. Give them another id and keep the name they are known by in quotes: person ${id.toLowerCase()}1 "${name}".`;
}

const personHelp = 'Expected a gender (female, male, other, unknown), an age (8), born YEAR, died [YEAR], index, pregnancy, miscarriage, termination, stillbirth, a "display name", or note: followed by any text.';
const lineHelpGenogram =
  'Expected a person (person amy female 8), a couple (sara + dan married 2014), children (amy, leo children of sara + dan), a relationship (sara -- dan close), a household (household: sara, amy) or a note (note amy: speaks Polish).';
const lineHelpEcomap =
  'Expected the family in the centre (family: sara, amy), a tie (family -> school strong), a system (system school "Oakfield Primary"), a person (person amy female 8) or a note (note school: …).';
const relationshipHelp =
  'Say what the relationship is like: close, very close (fused), distant, conflictual, hostile, close-hostile, cut-off, cut-off repaired, or abuse (physical, emotional, sexual, neglect); use -> to show who towards whom.';

const yearPattern = /^(1[89]\d\d|2[01]\d\d)$/;
const agePattern = /^(\d{1,3}(?:\.\d+)?)(y|yr|yrs|years?|m|mo|mths?|months?|w|wks?|weeks?)?$/i;

function asAge(number: number, unit: string | undefined): number {
  const u = (unit ?? '').toLowerCase();
  if (u.startsWith('m')) return Math.round((number / 12) * 100) / 100;
  if (u.startsWith('w')) return Math.round((number / 52) * 100) / 100;
  return number;
}

class BlockReader {
  readonly genogram: Genogram;
  private readonly lines: string[];
  private line = 0;
  private tokens: Token[] = [];
  private raw = '';
  private readonly byKey = new Map<string, GenogramPerson>();
  private readonly byName = new Map<string, GenogramPerson>();
  private readonly systems = new Map<string, EcomapSystem>();
  private readonly known: GenogramPerson[];
  /** References to resolve once every line has declared its people: lines may come in any order. */
  private readonly pending: Array<{ ref: Reference; set: (key: string) => void; centreAllowed?: boolean; createPerson?: boolean }> = [];
  private readonly twinGroups: Array<{ refs: Reference[]; identical: boolean; span: Span; group: string }> = [];
  private readonly notes: Array<{ ref: Reference; text: string }> = [];
  private readonly reported = new Set<string>();

  constructor(kind: Genogram['kind'], source: string, options: ParseOptions) {
    this.lines = source.split(/\r?\n/);
    const lineStarts = options.lineStarts ?? this.relativeStarts(source);
    this.genogram = { kind, people: [], unions: [], children: [], relationships: [], households: [], systems: [], ties: [], problems: [], lineStarts };
    this.known = options.known ?? [];
  }

  private relativeStarts(source: string): number[] {
    const starts = [0];
    for (const match of source.matchAll(/\r?\n/g)) starts.push((match.index ?? 0) + match[0].length);
    return starts;
  }

  read(): Genogram {
    for (this.line = 0; this.line < this.lines.length; this.line++) {
      this.raw = this.lines[this.line] ?? '';
      const { tokens } = tokenize(this.raw);
      this.tokens = tokens;
      if (tokens.length === 0) continue;
      const open = tokens.find((t) => t.unclosed);
      if (open) this.problem('genogram-syntax', 'This quoted name has no closing quote, so the rest of the line was read as part of it. Add the closing ".', this.tokenSpan(open));
      try {
        this.statement();
      } catch (error) {
        // A reader bug must cost one line, not the drawing.
        this.problem('genogram-syntax', `CaseMark could not read this line (${error instanceof Error ? error.message : String(error)}).`, this.lineSpan());
      }
    }
    this.resolve();
    return this.genogram;
  }

  // ---- places and problems ----

  private span(startColumn: number, endColumn: number, line = this.line): Span {
    const base = this.genogram.lineStarts[line] ?? 0;
    return { line, start: base + startColumn, end: base + Math.max(startColumn, endColumn) };
  }

  /** A line as written, comment and spaces trimmed, to quote in a message. */
  private lineText(line: number): string {
    const text = this.lines[line] ?? '';
    return text.slice(0, tokenize(text).commentAt).trim();
  }

  private tokenSpan(token: Token): Span {
    return this.span(token.start, token.end);
  }

  private lineSpan(): Span {
    const first = this.tokens[0];
    const last = this.tokens[this.tokens.length - 1];
    return first && last ? this.span(first.start, last.end) : this.span(0, this.raw.trimEnd().length);
  }

  private problem(ruleId: string, message: string, span: Span, replacement?: string): void {
    // One reference can be resolved for several links (two children, one parent): say it once.
    const key = `${ruleId}:${span.start}:${span.end}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.genogram.problems.push({ ruleId, message, span, ...(replacement !== undefined ? { replacement } : {}) } satisfies GenogramProblem);
  }

  private unreadable(token: Token, what: string, help: string): void {
    this.problem('genogram-syntax', `CaseMark could not read “${token.text}” ${what}. ${help}`, this.tokenSpan(token));
  }

  // ---- statements ----

  private statement(): void {
    const [first] = this.tokens as [Token];
    const word = first.kind === 'word' ? first.lower : '';
    const isEcomap = this.genogram.kind === 'ecomap';
    if (word === 'person' || word === 'people') return this.person(1);
    if (word === 'note' || word === 'notes') return this.note();
    if (isEcomap && word === 'system') return this.system();
    if (isEcomap && centreWords.has(word) && (first.colon || this.tokens[1]?.kind === 'colon' || this.tokens[1]?.kind === 'quoted' || this.tokens[1]?.kind === 'word') && !this.hasConnector()) {
      return this.centre();
    }
    if (!isEcomap && (word === 'household' || word === 'home')) return this.household();
    if (!isEcomap && word === 'union' && !this.hasConnector()) return this.union(this.tokens.slice(1), true);
    if (!isEcomap && (word === 'rel' || word === 'relationship') && !this.hasConnector()) return this.relationship(this.tokens.slice(1), true);
    const connectorAt = this.tokens.findIndex((t) => t.kind === 'connector');
    const ofAt = this.tokens.findIndex((t) => t.kind === 'word' && t.lower === 'of');
    if (!isEcomap && ofAt > 0 && (connectorAt === -1 || ofAt < connectorAt)) return this.childLine(ofAt);
    if (!isEcomap && twinWords.has(word)) return this.twinsLine();
    if (connectorAt > 0) {
      const connector = (this.tokens[connectorAt] as Token).text;
      if (isEcomap) return this.tie(connectorAt);
      if (connector === '+' || connector === '&' || connector === '=') return this.union(this.tokens, false);
      return this.relationship(this.tokens, false);
    }
    if (!isEcomap && this.tokens.some((t) => t.kind === 'word' && twinWords.has(t.lower))) return this.twinsLine();
    this.problem('genogram-syntax', `CaseMark could not read this line. ${isEcomap ? lineHelpEcomap : lineHelpGenogram}`, this.lineSpan());
  }

  private hasConnector(): boolean {
    return this.tokens.some((t) => t.kind === 'connector' && t.text !== '+' && t.text !== '&' && t.text !== '=');
  }

  private ref(token: Token): Reference {
    return { text: token.text, span: this.tokenSpan(token) };
  }

  private isRefToken(token: Token | undefined): token is Token {
    return token !== undefined && (token.kind === 'word' || token.kind === 'quoted') && token.text.length > 0;
  }

  /** `note:` and what follows, from the line's own text (commas, colons and quotes kept). */
  private noteFrom(index: number): string | undefined {
    const token = this.tokens[index];
    if (!token) return undefined;
    const colonEnd = token.colon ? token.end + 1 : this.tokens[index + 1]?.kind === 'colon' ? (this.tokens[index + 1] as Token).end : token.end;
    const { commentAt } = tokenize(this.raw);
    return this.raw.slice(colonEnd, commentAt).trim();
  }

  private person(from: number): void {
    const idToken = this.tokens[from];
    if (!this.isRefToken(idToken)) {
      this.problem('genogram-syntax', 'A person line needs an id after “person”, such as person amy female 8 or person "Amy Jones" female 8.', this.lineSpan());
      return;
    }
    const key = idToken.text.toLowerCase();
    if (wordsNotIds.has(key)) {
      this.problem('genogram-syntax', notAnIdMessage(idToken.text), this.tokenSpan(idToken));
      return;
    }
    const person: GenogramPerson = {
      key,
      id: idToken.text,
      name: displayName(idToken.text),
      gender: 'unknown',
      deceased: false,
      index: false,
      notes: [],
      declared: true,
      span: this.span(idToken.start, idToken.end),
    };
    let genderSet = false;
    let named = false;
    for (let i = from + 1; i < this.tokens.length; i++) {
      const token = this.tokens[i] as Token;
      const next = this.tokens[i + 1];
      const lower = token.lower;
      if (token.kind === 'comma' || token.kind === 'colon') continue;
      if (token.kind === 'quoted') {
        if (!named && idToken.kind !== 'quoted') {
          person.name = token.text;
          named = true;
        }
        else this.unreadable(token, 'in a person line', 'A person has one "display name".');
        continue;
      }
      if (token.kind === 'connector') {
        this.unreadable(token, 'in a person line', `${personHelp} Couples and relationships go on lines of their own.`);
        continue;
      }
      if (lower === 'note' || lower === 'notes') {
        const text = this.noteFrom(i);
        if (text) person.notes.push(text);
        break;
      }
      if (ignoredKeys.has(lower)) continue;
      if (genders[lower] && !genderSet) {
        person.gender = genders[lower];
        genderSet = true;
        continue;
      }
      if (lower === 'index' || lower === 'index-person' || lower === 'ip' || lower === 'focus') {
        person.index = true;
        continue;
      }
      if (pregnancies[lower]) {
        person.pregnancy = pregnancies[lower];
        continue;
      }
      const years = /^(age|aged)$/.test(lower) ? next : undefined;
      if (years) {
        const match = agePattern.exec(years.text);
        if (match) {
          person.age = asAge(Number(match[1]), match[2] ?? this.unitAfter(i + 1));
          i += this.unitAfter(i + 1) ? 2 : 1;
          continue;
        }
      }
      const born = /^(born|b\.?)(\d{4})?$/.exec(lower);
      if (born) {
        const year = born[2] ?? (next && yearPattern.test(next.text) ? next.text : undefined);
        if (year) {
          person.born = Number(year);
          if (!born[2]) i++;
          continue;
        }
      }
      const died = /^(died|dead|deceased|d\.?|†)(\d{4})?$/.exec(lower);
      if (died) {
        person.deceased = true;
        const year = died[2] ?? (next && yearPattern.test(next.text) ? next.text : undefined);
        if (year) {
          person.died = Number(year);
          if (!died[2]) i++;
        }
        continue;
      }
      if (yearPattern.test(lower)) {
        // A bare four-digit year is a birth year (age is a small number).
        person.born = Number(lower);
        continue;
      }
      const age = agePattern.exec(lower);
      if (age) {
        const unit = age[2] ?? this.unitAfter(i);
        person.age = asAge(Number(age[1]), unit);
        if (!age[2] && unit) i++;
        continue;
      }
      this.unreadable(token, 'in a person line', personHelp);
    }
    const existing = this.byKey.get(key);
    if (existing) {
      this.problem('genogram-duplicate-id', `“${idToken.text}” is already declared earlier in this block (${this.lineText(existing.span.line)}). Give each person their own id, such as ${idToken.text}2, and a "display name" if they share a name.`, person.span);
      return;
    }
    this.addPerson(person);
  }

  /** "8 years", "6 months": the unit as a word of its own. */
  private unitAfter(index: number): string | undefined {
    const unit = this.tokens[index + 1];
    // Only whole words: "35 m" is a man of 35, not 35 months.
    return unit && /^(years?|yrs|months?|mths|weeks?|wks)$/.test(unit.lower) ? unit.lower : undefined;
  }

  private addPerson(person: GenogramPerson): void {
    this.genogram.people.push(person);
    this.byKey.set(person.key, person);
    if (!this.byName.has(person.name.toLowerCase())) this.byName.set(person.name.toLowerCase(), person);
  }

  private note(): void {
    const target = this.tokens[1];
    if ((this.tokens[0] as Token).colon || target?.kind === 'colon') {
      this.problem('genogram-syntax', 'A note line names who it is about first, then the note: note amy: speaks Polish at home.', this.lineSpan());
      return;
    }
    if (!this.isRefToken(target)) {
      this.problem('genogram-syntax', 'A note line names who it is about, then the note: note amy: speaks Polish at home.', this.lineSpan());
      return;
    }
    const text = this.noteFrom(1);
    if (!text) {
      this.problem('genogram-syntax', `Write the note after the name: note ${target.text}: …`, this.lineSpan());
      return;
    }
    this.notes.push({ ref: this.ref(target), text });
  }

  /** Refs separated by commas, "and", "+" or "&", from `from` to `to` (exclusive); other words are reported. */
  private refList(from: number, to: number, what: string, help: string, skip: (t: Token) => boolean = () => false): Reference[] {
    const refs: Reference[] = [];
    for (let i = from; i < to; i++) {
      const token = this.tokens[i] as Token;
      if (token.kind === 'comma' || token.kind === 'colon' || (token.kind === 'word' && token.lower === 'and') || (token.kind === 'connector' && (token.text === '+' || token.text === '&'))) continue;
      if (skip(token)) continue;
      if (this.isRefToken(token)) refs.push(this.ref(token));
      else this.unreadable(token, what, help);
    }
    return refs;
  }

  /** `household "Mum's flat": a, b` has a label; `household: "Sara Jones", b` has not: the colon comes first. */
  private labelled(): boolean {
    return !this.tokens[0]?.colon && this.tokens[1]?.kind === 'quoted' && this.tokens[2]?.kind === 'colon';
  }

  private household(): void {
    let i = 1;
    let label: string | undefined;
    if (this.labelled()) {
      label = (this.tokens[i] as Token).text;
      i++;
    }
    const members = this.refList(i, this.tokens.length, 'in a household line', 'List who lives together: household "Mum’s flat": sara, ryan, amy.');
    if (members.length === 0) {
      this.problem('genogram-syntax', 'List who lives together: household: sara, ryan, amy.', this.lineSpan());
      return;
    }
    const household = { label, members: members.map(() => ''), span: this.lineSpan() };
    this.genogram.households.push(household);
    members.forEach((ref, n) => this.pending.push({ ref, set: (key) => (household.members[n] = key) }));
  }

  private union(tokens: Token[], keyword: boolean): void {
    const connectorAt = keyword ? -1 : tokens.findIndex((t) => t.kind === 'connector');
    const [left, right, rest] = keyword
      ? [tokens[0], tokens[1]?.kind === 'connector' || tokens[1]?.kind === 'comma' ? tokens[2] : tokens[1], tokens.slice(tokens[1]?.kind === 'connector' || tokens[1]?.kind === 'comma' ? 3 : 2)]
      : [tokens[connectorAt - 1], tokens[connectorAt + 1], tokens.slice(connectorAt + 2)];
    if (!this.isRefToken(left) || !this.isRefToken(right) || (!keyword && connectorAt !== 1)) {
      this.problem('genogram-syntax', 'A couple is two people joined by +: sara + dan married 2014 (or union sara dan married 2014).', this.lineSpan());
      return;
    }
    let type: UnionType | undefined;
    let end: UnionEnd | undefined;
    let from: number | undefined;
    let to: number | undefined;
    for (let i = 0; i < rest.length; i++) {
      const token = rest[i] as Token;
      const lower = token.lower;
      if (token.kind === 'comma' || token.kind === 'colon' || ignoredKeys.has(lower)) continue;
      if (lower === 'living' && rest[i + 1]?.lower === 'together') {
        type = 'cohabiting';
        i++;
        continue;
      }
      if (unionTypes[lower]) {
        type = unionTypes[lower];
        continue;
      }
      if (unionEnds[lower]) {
        end = unionEnds[lower];
        const year = rest[i + 1];
        if (year && yearPattern.test(year.text)) {
          to = Number(year.text);
          i++;
        }
        continue;
      }
      const range = /^(\d{4})[-–](\d{4})$/.exec(token.text);
      if (range) {
        from = Number(range[1]);
        to = Number(range[2]);
        continue;
      }
      if ((lower === 'since' || lower === 'from' || lower === 'to' || lower === 'until') && rest[i + 1] && yearPattern.test((rest[i + 1] as Token).text)) {
        const year = Number((rest[i + 1] as Token).text);
        if (lower === 'to' || lower === 'until') to = year;
        else from = year;
        i++;
        continue;
      }
      if (yearPattern.test(token.text)) {
        if (from === undefined) from = Number(token.text);
        else to = Number(token.text);
        continue;
      }
      this.unreadable(
        token,
        'in a couple line',
        'Expected married, cohabiting, engaged or partners; separated, divorced or widowed; and years (2014, 2014-2020, since 2014).',
      );
    }
    if (left.text.toLowerCase() === right.text.toLowerCase()) {
      this.problem('genogram-syntax', `A couple is two different people: “${left.text}” is on both sides of the +.`, this.lineSpan());
      return;
    }
    const union = {
      partners: ['', ''] as [string, string],
      type: type ?? (end && end !== 'separated' ? 'married' : 'partners'),
      end,
      from,
      to,
      order: this.genogram.unions.length,
      span: this.lineSpan(),
    };
    this.genogram.unions.push(union);
    this.pending.push({ ref: this.ref(left), set: (key) => (union.partners[0] = key) });
    this.pending.push({ ref: this.ref(right), set: (key) => (union.partners[1] = key) });
  }

  private childLine(ofAt: number): void {
    let kind: ChildKind | undefined;
    let twins = false;
    let identical = false;
    let order: number | undefined;
    const marker = (token: Token): boolean => {
      if (token.kind !== 'word') return false;
      const lower = token.lower;
      if (childWords.has(lower)) return true;
      if (childKinds[lower]) {
        kind = childKinds[lower];
        return true;
      }
      if (twinWords.has(lower)) {
        twins = true;
        return true;
      }
      if (lower in identicalWords) {
        twins = true;
        identical = identicalWords[lower] as boolean;
        return true;
      }
      return false;
    };
    const help = 'Write children, then of, then one or two parents: amy, leo children of sara + dan (adopted, fostered, step, twins, identical and order 2 may follow).';
    const childRefs = this.refList(0, ofAt, 'before “of” in a children line', help, marker);
    // After "of": parents joined by +, & or "and", then words about the children.
    const parents: Reference[] = [];
    let i = ofAt + 1;
    let expectParent = true;
    for (; i < this.tokens.length; i++) {
      const token = this.tokens[i] as Token;
      const joins = (token.kind === 'connector' && (token.text === '+' || token.text === '&')) || token.kind === 'comma' || (token.kind === 'word' && token.lower === 'and');
      if (joins) {
        expectParent = true;
        continue;
      }
      if (!expectParent || !this.isRefToken(token) || (token.kind === 'word' && (marker(token) || token.lower === 'order' || /^\d+(st|nd|rd|th)$/.test(token.lower)))) break;
      parents.push(this.ref(token));
      expectParent = false;
    }
    for (; i < this.tokens.length; i++) {
      const token = this.tokens[i] as Token;
      if (token.kind === 'comma' || marker(token)) continue;
      const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(token.lower);
      if (ordinal) {
        order = Number(ordinal[1]);
        continue;
      }
      if (ignoredKeys.has(token.lower)) continue;
      if (token.lower === 'order' && this.tokens[i + 1] && /^\d+$/.test((this.tokens[i + 1] as Token).text)) {
        order = Number((this.tokens[i + 1] as Token).text);
        i++;
        continue;
      }
      this.unreadable(token, 'in a children line', help);
    }
    if (childRefs.length === 0 || parents.length === 0) {
      this.problem('genogram-syntax', `${childRefs.length === 0 ? 'Name the children before “of”.' : 'Name one or two parents after “of”.'} ${help}`, this.lineSpan());
      return;
    }
    const repeated = (refs: Reference[]): Reference | undefined => refs.find((r, n) => refs.findIndex((o) => o.text.toLowerCase() === r.text.toLowerCase()) !== n);
    const twiceParent = repeated(parents);
    if (twiceParent) this.problem('genogram-syntax', `“${twiceParent.text}” is named twice as a parent on this line.`, twiceParent.span);
    const twiceChild = repeated(childRefs);
    if (twiceChild) this.problem('genogram-syntax', `“${twiceChild.text}” is named twice as a child on this line.`, twiceChild.span);
    const group = twins ? `twins-${this.line}` : undefined;
    childRefs.forEach((ref, n) => {
      const link: GenogramChild = {
        child: '',
        parents: parents.map(() => ''),
        kind: kind ?? 'biological',
        order: order !== undefined ? order + n : undefined,
        twin: group ? { group, identical } : undefined,
        span: this.lineSpan(),
      };
      this.genogram.children.push(link);
      this.pending.push({ ref, set: (key) => (link.child = key) });
      parents.forEach((parent, p) => this.pending.push({ ref: parent, set: (key) => (link.parents[p] = key) }));
    });
  }

  /** `twins tom tim identical`: children already linked to their parents become twins. */
  private twinsLine(): void {
    let identical = false;
    const refs = this.refList(0, this.tokens.length, 'in a twins line', 'Write twins, their ids, and identical if they are: twins tom tim identical.', (t) => {
      if (t.kind !== 'word') return false;
      if (twinWords.has(t.lower)) return true;
      if (t.lower in identicalWords) {
        identical = identicalWords[t.lower] as boolean;
        return true;
      }
      return false;
    });
    const distinct = new Set(refs.map((r) => r.text.toLowerCase()));
    if (distinct.size < 2) {
      this.problem('genogram-syntax', 'Twins need two different ids: twins tom tim (add of sara + dan if they are not yet linked to their parents).', this.lineSpan());
      return;
    }
    this.twinGroups.push({ refs, identical, span: this.lineSpan(), group: `twins-${this.line}` });
  }

  private direction(connector: string): Direction {
    if (connector === '->') return 'forward';
    if (connector === '<-') return 'backward';
    if (connector === '<->') return 'both';
    return 'none';
  }

  private relationship(tokens: Token[], keyword: boolean): void {
    const connectorAt = keyword ? -1 : tokens.findIndex((t) => t.kind === 'connector');
    const left = keyword ? tokens[0] : tokens[connectorAt - 1];
    const right = keyword ? tokens[1] : tokens[connectorAt + 1];
    const rest = keyword ? tokens.slice(2) : tokens.slice(connectorAt + 2);
    if (!this.isRefToken(left) || !this.isRefToken(right) || (!keyword && connectorAt !== 1)) {
      this.problem('genogram-syntax', `A relationship is two people joined by --, -> or <->, then what it is like: sara -- dan conflictual. ${relationshipHelp}`, this.lineSpan());
      return;
    }
    if (left.text.toLowerCase() === right.text.toLowerCase()) {
      this.problem('genogram-syntax', `A relationship is between two different people: “${left.text}” is on both sides.`, this.lineSpan());
      return;
    }
    const flags = new Set<string>();
    let abuse: AbuseKind | undefined;
    let unreadable = false;
    for (const token of rest) {
      if (token.kind === 'comma' || ignoredKeys.has(token.lower)) continue;
      const lower = token.lower;
      if (abuseKinds[lower]) {
        abuse = abuseKinds[lower];
        flags.add('abuse');
        continue;
      }
      if (token.kind === 'word' && emotionWords.has(lower)) {
        for (const part of lower.split('-')) flags.add(part);
        continue;
      }
      this.unreadable(token, 'in a relationship line', relationshipHelp);
      unreadable = true;
    }
    const kind = emotionFrom(flags);
    if (!kind) {
      // A word already reported carries the same help: one message is enough.
      if (!unreadable) this.problem('genogram-syntax', relationshipHelp, this.lineSpan());
      return;
    }
    const connector = keyword ? '--' : (tokens[connectorAt] as Token).text;
    const relationship = { from: '', to: '', kind, abuse: kind === 'abuse' ? abuse : undefined, direction: this.direction(connector), span: this.lineSpan() };
    this.genogram.relationships.push(relationship);
    this.pending.push({ ref: this.ref(left), set: (key) => (relationship.from = key) });
    this.pending.push({ ref: this.ref(right), set: (key) => (relationship.to = key) });
  }

  // ---- ecomap ----

  private centre(): void {
    let i = 1;
    let label: string | undefined;
    if (this.labelled()) {
      label = (this.tokens[i] as Token).text;
      i++;
    }
    const members = this.refList(i, this.tokens.length, 'in the family line', 'List the family in the centre: family "The Jones household": sara, ryan, amy.');
    if (this.genogram.centre) {
      this.problem('genogram-syntax', `The family in the centre is already given earlier (${this.lineText(this.genogram.centre.span.line)}); an ecomap has one centre. Add people to that line.`, this.lineSpan());
      return;
    }
    const centre = { label, members: members.map(() => ''), span: this.lineSpan() };
    this.genogram.centre = centre;
    members.forEach((ref, n) => this.pending.push({ ref, set: (key) => (centre.members[n] = key), createPerson: true }));
  }

  private system(): void {
    const idToken = this.tokens[1];
    if (!this.isRefToken(idToken)) {
      this.problem('genogram-syntax', 'A system line needs an id: system school "Oakfield Primary".', this.lineSpan());
      return;
    }
    const key = idToken.text.toLowerCase();
    const system: EcomapSystem = { key, id: idToken.text, name: idToken.text, notes: [], declared: true, span: this.tokenSpan(idToken) };
    for (let i = 2; i < this.tokens.length; i++) {
      const token = this.tokens[i] as Token;
      if (token.kind === 'comma') continue;
      if (token.kind === 'quoted' && system.name === system.id) {
        system.name = token.text;
        continue;
      }
      if (token.lower === 'note' || token.lower === 'notes') {
        const text = this.noteFrom(i);
        if (text) system.notes.push(text);
        break;
      }
      this.unreadable(token, 'in a system line', 'Expected a "display name" or note: followed by any text.');
    }
    if (this.systems.has(key) || this.byKey.has(key)) {
      this.problem('genogram-duplicate-id', `“${idToken.text}” is already used in this ecomap. Give each system its own id.`, system.span);
      return;
    }
    this.systems.set(key, system);
    this.systems.set(system.name.toLowerCase(), system);
    this.genogram.systems.push(system);
  }

  private tie(connectorAt: number): void {
    const left = this.tokens[connectorAt - 1];
    const right = this.tokens[connectorAt + 1];
    if (!this.isRefToken(left) || !this.isRefToken(right) || connectorAt !== 1) {
      this.problem('genogram-syntax', 'A tie joins the family (or one person) and a system with --, -> or <->, then how strong it is: family -> school strong.', this.lineSpan());
      return;
    }
    let strength: TieStrength = 'normal';
    let stressful = false;
    for (const token of this.tokens.slice(connectorAt + 2)) {
      if (token.kind === 'comma' || ignoredKeys.has(token.lower)) continue;
      if (tieStrengths[token.lower]) strength = tieStrengths[token.lower] as TieStrength;
      else if (stressWords.has(token.lower)) stressful = true;
      else this.unreadable(token, 'in a tie line', 'Expected strong, normal, tenuous and/or stressful.');
    }
    const tie: EcomapTie = { from: '', to: '', strength, stressful, direction: this.direction((this.tokens[connectorAt] as Token).text), span: this.lineSpan() };
    this.genogram.ties.push(tie);
    this.pending.push({ ref: this.ref(left), set: (key) => (tie.from = key), centreAllowed: true });
    this.pending.push({ ref: this.ref(right), set: (key) => (tie.to = key), centreAllowed: true });
  }

  // ---- references ----

  private lookup(text: string, span?: Span): GenogramPerson | undefined {
    const lower = text.toLowerCase();
    const own = this.byKey.get(lower) ?? this.byName.get(lower);
    if (own) return own;
    const known = this.known.find((p) => p.key === lower || p.name.toLowerCase() === lower);
    if (!known) return undefined;
    // An ecomap borrows the genogram's person, drawn here from this block's line.
    const copy: GenogramPerson = { ...known, notes: [...known.notes], span: span ?? known.span };
    this.addPerson(copy);
    return copy;
  }

  private resolve(): void {
    const isEcomap = this.genogram.kind === 'ecomap';
    for (const { ref, set, centreAllowed, createPerson } of this.pending) {
      const lower = ref.text.toLowerCase();
      if (isEcomap && centreAllowed && centreWords.has(lower)) {
        set('centre');
        continue;
      }
      const person = this.lookup(ref.text, ref.span);
      if (person && (person.declared || isEcomap)) {
        set(person.key);
        this.referenced(person.key, ref);
        continue;
      }
      if (isEcomap) {
        const system = this.systems.get(lower);
        if (system) {
          set(system.key);
          continue;
        }
        if (createPerson) {
          // A standalone ecomap may name its family without a genogram: they are people, not systems.
          this.addPerson({ key: lower, id: ref.text, name: ref.text, gender: 'unknown', deceased: false, index: false, notes: [], declared: true, span: ref.span });
          set(lower);
          continue;
        }
        const created: EcomapSystem = { key: lower, id: ref.text, name: ref.text, notes: [], declared: false, span: ref.span };
        this.systems.set(lower, created);
        this.genogram.systems.push(created);
        set(lower);
        continue;
      }
      if (wordsNotIds.has(lower)) {
        this.problem('genogram-unknown-person', notAnIdMessage(ref.text), ref.span);
        this.addPerson({ key: lower, id: ref.text, name: ref.text, gender: 'unknown', deceased: false, index: false, notes: [], declared: false, span: ref.span });
        set(lower);
        continue;
      }
      const suggestion = this.closest(lower);
      this.problem(
        'genogram-unknown-person',
        `No one called “${ref.text}” is declared in this genogram.${suggestion ? ` Did you mean “${suggestion}”?` : ''} Add a person line for them (person ${/\s/.test(ref.text) ? `"${ref.text}"` : ref.text} followed by what you know), or correct the id.`,
        ref.span,
        suggestion !== undefined ? (/\s/.test(suggestion) ? `"${suggestion}"` : suggestion) : undefined,
      );
      // Drawn as a placeholder, so one typo never blanks the drawing.
      if (person) {
        set(person.key);
        continue;
      }
      this.addPerson({ key: lower, id: ref.text, name: ref.text, gender: 'unknown', deceased: false, index: false, notes: [], declared: false, span: ref.span });
      set(lower);
    }
    for (const { ref, text } of this.notes) {
      const person = this.lookup(ref.text);
      const system = this.systems.get(ref.text.toLowerCase());
      if (person) this.referenced(person.key, ref);
      if (person) person.notes.push(text);
      else if (system) system.notes.push(text);
      else this.problem('genogram-unknown-person', `No one called “${ref.text}” is declared in this ${this.genogram.kind}, so the note has no one to belong to.`, ref.span);
    }
    for (const twins of this.twinGroups) {
      for (const ref of twins.refs) {
        const person = this.lookup(ref.text);
        if (person) this.referenced(person.key, ref);
        const links = person ? this.genogram.children.filter((c) => c.child === person.key) : [];
        if (!person) this.problem('genogram-unknown-person', `No one called “${ref.text}” is declared in this genogram. Add a person line for them, or correct the id.`, ref.span);
        else if (links.length === 0) this.problem('genogram-syntax', `${ref.text} has no parents yet, so CaseMark cannot draw them as a twin. Write twins ${twins.refs.map((r) => r.text).join(' ')} of mother + father.`, ref.span);
        for (const link of links) link.twin = { group: twins.group, identical: twins.identical };
      }
    }
  }

  private referenced(key: string, ref: Reference): void {
    (this.genogram.references ??= []).push({ key, span: ref.span, text: ref.text });
  }

  private closest(lower: string): string | undefined {
    // Suggestions compare with everyone: skip them where that would be slow.
    if (this.genogram.people.length > 2000) return undefined;
    let best: { id: string; distance: number } | undefined;
    for (const person of this.genogram.people) {
      if (!person.declared) continue;
      for (const candidate of [person.key, person.name.toLowerCase()]) {
        const distance = editDistance(lower, candidate);
        if (distance <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = { id: person.id, distance };
      }
    }
    return best?.id;
  }
}

/** An id typed in lower case reads better drawn with a capital: amy is drawn as Amy. */
function displayName(id: string): string {
  return /^\p{Ll}+$/u.test(id) ? (id[0] as string).toUpperCase() + id.slice(1) : id;
}

function emotionFrom(flags: Set<string>): EmotionKind | undefined {
  if (flags.has('abuse') || flags.has('abusive') || flags.has('abused')) return 'abuse';
  if (flags.has('repaired') || flags.has('reconciled')) return 'cutoff-repaired';
  if (flags.has('cutoff') || flags.has('cut') || flags.has('estranged')) return 'cutoff';
  const hostile = flags.has('hostile') || flags.has('hostility');
  const fused = flags.has('fused') || flags.has('enmeshed') || (flags.has('very') && flags.has('close'));
  if (hostile && fused) return 'fused-hostile';
  if (hostile && flags.has('close')) return 'close-hostile';
  if (fused) return 'fused';
  if (flags.has('close')) return 'close';
  if (hostile) return 'hostile';
  if (flags.has('conflict') || flags.has('conflictual') || flags.has('conflicted')) return 'conflictual';
  if (flags.has('distant') || flags.has('distance')) return 'distant';
  return undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let before = previous;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      // A swapped pair of letters ("rayn" for "ryan") is one slip, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j] as number, (before[j - 2] as number) + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

export function parseDiagram(kind: Genogram['kind'], source: string, options: ParseOptions = {}): Genogram {
  return new BlockReader(kind, source, options).read();
}
