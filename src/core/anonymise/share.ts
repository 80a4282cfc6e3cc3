// A shareable copy of a case file: every declared person's name (genogram, `people`, and their first names,
// surnames and "Ms Jones" forms in the prose) replaced by a consistent role-based pseudonym ("Mother", "Child A (8)",
// "Maternal grandmother") or the writer's own choice (`pseudonyms:` in the frontmatter); dates of birth turned into
// ages; other exact dates reduced to month and year or shifted by one offset. The genogram keeps drawing: ids and
// quoted names in its blocks are replaced alike. What may still identify the family is left for the
// identifying-detail rule, which is on in the copy (`shareable: true`). Pure: the original text is only read.
import { isMap, isScalar, parseDocument } from 'yaml';
import { analyse, incompleteAnalysis, normaliseLineEndings, type AnalyseOptions, type Analysis } from '../analyse';
import { createMessage } from '../rules/messages';
import { reservedWords, tokenize } from '../genogram/grammar';
import type { GenogramPerson } from '../genogram/types';
import type { CaseMessage } from '../rules/rule';
import { nameParts } from '../model/queries';
import { AnalysisStopped, budgetChecker, clock, defaultBudget, stoppedText, type AnalysisBudget } from '../model/budget';
import { SourceText } from '../text/source';
import { datePattern } from './detect';
import { normaliseName, normaliseWithMap, originalRange } from './normalise';

export type DateHandling = 'month' | 'shift' | 'keep';

export interface ShareOptions {
  /** Exact dates other than dates of birth: month and year (the default), shifted, or kept. */
  dates?: DateHandling;
  /** Days to move every date by, for `shift`; a random 14 to 60 days either way when not given. */
  shiftDays?: number;
  /** The day ages are counted to when the file has no `date:`, as YYYY-MM-DD. */
  today?: string;
  /** Settings layers for both analyses (the original's and the copy's), as analyse takes them. */
  config?: AnalyseOptions['config'];
  /** For the whole copy, both analyses included: past it there is no copy (`incomplete` says so). */
  budget?: AnalysisBudget;
}

export interface MappingEntry {
  original: string;
  pseudonym: string;
  /** Who they are, as the copy describes them: "the index child", "mother", "the worker". */
  who: string;
  /** How the original was written in the file: full name, first name, "Ms Jones"... */
  spellings: string[];
}

export interface ShareResult {
  /** The shareable copy. */
  text: string;
  /** Original to pseudonym: re-identifies the family, so shown for review and saved only when asked. */
  mapping: MappingEntry[];
  /** What was done with dates, in a sentence. */
  dates: string;
  /** The copy's own analysis: its identifying-detail messages are what may still identify the family. */
  analysis: Analysis;
  remaining: CaseMessage[];
  /**
   * Why the original could not be fully analysed, when it could not: then the copy is the text unchanged and must
   * not be shared (the names CaseMark would replace are not known).
   */
  incomplete?: string;
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

interface Named {
  name: string;
  /** A pregnancy or a loss on the genogram: "Unborn baby", never a lettered child. */
  pregnancy?: string;
  gender?: string;
  age?: number;
  isChild: boolean;
  index: boolean;
  relation?: string;
  role?: string;
  key?: string;
  pseudonym: string;
  /** The pseudonym at its first mention in the prose: children's ages once ("Child A (8)"). */
  first: string;
  spellings: Set<string>;
}

const titles = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr'];
/** Family words that can be part of how a person is named ("Grandma Ewa", "Auntie Jo"), not part of their name. */
const nameRoleWords = new Set(['grandma', 'grandpa', 'granddad', 'grandad', 'gran', 'nan', 'nana', 'nanny', 'aunt', 'auntie', 'aunty', 'uncle', 'baby', 'mum', 'dad', 'mother', 'father', 'cousin', 'sister', 'brother']);
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Role-based pseudonyms: the index child first, other children by age, adults by their relation to the child. */
function assignPseudonyms(people: Named[], chosen: Map<string, string>): void {
  for (const unborn of people.filter((p) => p.pregnancy)) unborn.pseudonym = unborn.pregnancy === 'pregnancy' ? 'Unborn baby' : 'Baby who died';
  const children = people.filter((p) => p.isChild && !p.pregnancy).sort((a, b) => Number(b.index) - Number(a.index) || (b.age ?? -1) - (a.age ?? -1));
  children.forEach((child, n) => {
    const letter = String.fromCharCode(65 + (n % 26)) + (n >= 26 ? String(Math.floor(n / 26) + 1) : '');
    child.pseudonym = `Child ${letter}`;
  });
  const counts = new Map<string, number>();
  const adults = people.filter((p) => !p.isChild && !p.pregnancy);
  // Relations are to the index person; when that is an adult (a pregnant mother), say whose: "Mother's mother".
  const indexAdult = adults.find((p) => p.index);
  if (indexAdult) indexAdult.pseudonym = indexAdult.role ? capitalise(indexAdult.role) : 'Adult A';
  let unknown = indexAdult?.pseudonym === 'Adult A' ? 1 : 0;
  for (const adult of adults) {
    if (adult === indexAdult) continue;
    const base = indexAdult && adult.relation ? `${indexAdult.pseudonym}'s ${adult.relation}` : (adult.relation ?? adult.role);
    adult.pseudonym = base ? capitalise(base) : '';
    counts.set(adult.pseudonym, (counts.get(adult.pseudonym) ?? 0) + 1);
  }
  // "Maternal aunt 1" and "Maternal aunt 2"; anyone without a known relation is an "Adult A".
  const seen = new Map<string, number>();
  for (const adult of adults) {
    if (!adult.pseudonym) {
      adult.pseudonym = `Adult ${String.fromCharCode(65 + (unknown++ % 26))}`;
      continue;
    }
    if ((counts.get(adult.pseudonym) ?? 0) > 1) {
      const n = (seen.get(adult.pseudonym) ?? 0) + 1;
      seen.set(adult.pseudonym, n);
      adult.pseudonym = `${adult.pseudonym} ${n}`;
    }
  }
  for (const person of people) {
    const own = chosen.get(normaliseName(person.name));
    if (own) person.pseudonym = own;
    person.first = person.isChild && person.age !== undefined && !own ? `${person.pseudonym} (${person.age})` : person.pseudonym;
  }
}

/** A genogram id made from a pseudonym: "Maternal grandmother" gives maternal-grandmother. */
function idFor(pseudonym: string, taken: Set<string>): string {
  const base = pseudonym.toLowerCase().replace(/[^\p{L}\d]+/gu, '-').replace(/^-|-$/g, '') || 'person';
  let id = reservedWords.has(base) ? `${base}-1` : base;
  for (let n = 2; taken.has(id) || reservedWords.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The writer's own pseudonyms, by normalised name (a Map: a person named "constructor" finds nothing). */
function readChosen(analysis: Analysis): Map<string, string> {
  const raw = analysis.model.frontmatter.data.pseudonyms;
  const chosen = new Map<string, string>();
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, pseudonym] of Object.entries(raw as Record<string, unknown>)) if (typeof pseudonym === 'string' && pseudonym.trim()) chosen.set(normaliseName(name), pseudonym.trim());
  }
  return chosen;
}

function collectPeople(analysis: Analysis): Named[] {
  const { model } = analysis;
  const genogramPeople = new Map<string, GenogramPerson>();
  for (const diagram of model.diagrams) for (const person of diagram.genogram.people) if (person.declared && !genogramPeople.has(person.key)) genogramPeople.set(person.key, person);
  const named: Named[] = [];
  for (const person of model.people) {
    if (!person.name.trim()) continue;
    const drawn = person.key ? genogramPeople.get(person.key) : undefined;
    named.push({
      name: person.name,
      gender: drawn?.gender,
      pregnancy: drawn?.pregnancy,
      age: person.age,
      isChild: person.isChild,
      index: drawn?.index ?? false,
      relation: drawn?.index ? undefined : person.relation,
      role: person.role,
      key: person.key,
      pseudonym: '',
      first: '',
      spellings: new Set(),
    });
  }
  // Genogram people the model left out because the frontmatter lists the same name: keep their key for the block.
  for (const drawn of genogramPeople.values()) {
    const same = named.find((n) => normaliseName(n.name) === normaliseName(drawn.name));
    if (same && !same.key) {
      same.key = drawn.key;
      same.gender ??= drawn.gender;
      same.index ||= drawn.index;
    }
  }
  return named;
}

/** The parts of a person's name that name them on their own, without family words ("Grandma Ewa" gives Ewa). */
function ownParts(person: Named): string[] {
  return nameParts(person.name.normalize('NFKC')).filter((p) => !nameRoleWords.has(normaliseName(p))).map(capitalise);
}

/** Every way the prose names someone (normalised: any case, width or invisible character), to the text that replaces it. */
function spellingTable(people: Named[]): Map<string, { person?: Named; text: string }> {
  const table = new Map<string, { person?: Named; text: string }>();
  const set = (spelling: string, entry: { person?: Named; text: string }): void => {
    const key = normaliseName(spelling);
    if (key) table.set(key, entry);
  };
  const givenCount = new Map<string, number>();
  const bySurname = new Map<string, Named[]>();
  for (const person of people) {
    const own = ownParts(person);
    if (own[0]) givenCount.set(normaliseName(own[0]), (givenCount.get(normaliseName(own[0])) ?? 0) + 1);
    if (own.length > 1) {
      const surname = own[own.length - 1] as string;
      bySurname.set(surname, [...(bySurname.get(surname) ?? []), person]);
    }
  }
  let family = 0;
  for (const [surname, members] of bySurname) {
    const letter = ['X', 'Y', 'Z', 'W', 'V'][family++ % 5] as string;
    set(surname, { text: letter });
    // Each half of a double-barrelled surname can be written alone ("Ms Kerry" for Ms Kerry-Jones).
    for (const half of surname.split('-').filter((h) => h.length > 1 && h !== surname)) if (!table.has(normaliseName(half))) set(half, { text: letter });
    for (const title of titles) {
      const gendered = members.filter((m) => (title === 'Mr' ? m.gender !== 'female' : ['Mrs', 'Ms', 'Miss'].includes(title) ? m.gender !== 'male' : true));
      const only = gendered.length === 1 ? gendered[0] : members.length === 1 ? members[0] : undefined;
      for (const spelling of [`${title} ${surname}`, `${title}. ${surname}`]) set(spelling, only ? { person: only, text: only.pseudonym } : { text: `${title} ${letter}` });
    }
  }
  for (const person of people) {
    const own = ownParts(person);
    // "Baby" or "Nan" as a name is also an everyday word: matched only as written (see roleWordNames).
    if (isRoleWordName(person)) continue;
    if (own[0] && givenCount.get(normaliseName(own[0])) === 1) set(own[0], { person, text: person.pseudonym });
    set(person.name.trim(), { person, text: person.pseudonym });
    // "Kerry-Jones" for Kerry Jones: the whole person, not "Mother-X".
    set(person.name.trim().split(/\s+/).join('-'), { person, text: person.pseudonym });
    if (own.length > 1) {
      set(own.join(' '), { person, text: person.pseudonym });
      set(own.join('-'), { person, text: person.pseudonym });
    }
  }
  return table;
}

/** A name made only of family words ("Baby", "Nan"): in any case it would replace the word wherever it is used. */
function isRoleWordName(person: Named): boolean {
  const words = person.name.trim().split(/\s+/);
  return words.length > 0 && words.every((w) => nameRoleWords.has(normaliseName(w)));
}

/** Names made of family words, as written (capitalised): "Baby" is the person, "the baby" the word. */
function roleWordNames(people: Named[]): Map<string, { person: Named; text: string }> {
  const exact = new Map<string, { person: Named; text: string }>();
  for (const person of people) if (isRoleWordName(person)) exact.set(capitalise(person.name.trim()), { person, text: person.pseudonym });
  return exact;
}

/** Spellings (normalised) of every declared name that must not be in a copy: whole names and their own parts. */
function declaredSpellings(people: Named[]): string[] {
  const spellings = new Set<string>();
  for (const person of people) {
    if (isRoleWordName(person)) continue;
    const whole = normaliseName(person.name.trim());
    if (whole) spellings.add(whole);
    for (const part of ownParts(person)) for (const piece of [part, ...part.split('-')]) if (piece.length > 1) spellings.add(normaliseName(piece));
  }
  return [...spellings].filter(Boolean);
}

/** A pattern for whole-word matches of any of these (normalised) spellings, longest first. */
function spellingPattern(spellings: readonly string[]): RegExp | undefined {
  if (spellings.length === 0) return undefined;
  const sorted = [...spellings].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sorted.map((t) => escape(t).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
}

function formatDate(date: Date, style: 'iso' | 'numeric' | 'long' | 'us', separator = '/'): string {
  const d = date.getUTCDate();
  const m = date.getUTCMonth();
  const y = date.getUTCFullYear();
  if (style === 'iso') return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (style === 'numeric') return `${String(d).padStart(2, '0')}${separator}${String(m + 1).padStart(2, '0')}${separator}${y}`;
  if (style === 'long') return `${d} ${monthNames[m]} ${y}`;
  return `${monthNames[m]} ${d}, ${y}`;
}

/** A written date, read: its day, and how it was written so that a changed date keeps the style. */
function readDate(text: string): { date: Date; style: 'iso' | 'numeric' | 'long' | 'us'; separator?: string } | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]), 'iso');
  m = /^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (m) return valid(m[4]?.length === 2 ? 2000 + Number(m[4]) : Number(m[4]), Number(m[3]), Number(m[1]), 'numeric', m[2]);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(text);
  if (m) return valid(Number(m[3]), monthOf(m[2] ?? ''), Number(m[1]), 'long');
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m) return valid(Number(m[3]), monthOf(m[1] ?? ''), Number(m[2]), 'us');
  return undefined;
  function valid(year: number, month: number, day: number, style: 'iso' | 'numeric' | 'long' | 'us', separator?: string) {
    const date = new Date(Date.UTC(year, month - 1, day));
    return month >= 1 && month <= 12 && date.getUTCDate() === day ? { date, style, separator } : undefined;
  }
  function monthOf(name: string): number {
    return monthNames.findIndex((n) => n.toLowerCase().startsWith(name.toLowerCase().slice(0, 3))) + 1;
  }
}

function monthOnly(read: NonNullable<ReturnType<typeof readDate>>): string {
  const { date, style, separator } = read;
  const m = date.getUTCMonth();
  const y = date.getUTCFullYear();
  if (style === 'iso') return `${y}-${String(m + 1).padStart(2, '0')}`;
  if (style === 'numeric') return `${String(m + 1).padStart(2, '0')}${separator ?? '/'}${y}`;
  return `${monthNames[m]} ${y}`;
}

function ageOn(born: Date, on: Date): number {
  let age = on.getUTCFullYear() - born.getUTCFullYear();
  if (on.getUTCMonth() < born.getUTCMonth() || (on.getUTCMonth() === born.getUTCMonth() && on.getUTCDate() < born.getUTCDate())) age--;
  return age;
}

export function shareableCopy(original: string, options: ShareOptions = {}): ShareResult {
  const text = normaliseLineEndings(original);
  // One budget for the whole copy: the original's analysis, the replacing, and the copy's own check.
  const budget = options.budget ?? defaultBudget;
  const started = clock();
  const analysis = analyse(text, { path: 'original.case.md', config: options.config, budget, budgetStarted: started });
  // Fail closed: without a full analysis the names to replace are not known, so there is no copy to share.
  if (incompleteAnalysis(analysis.messages)) return { text, mapping: [], dates: '', analysis, remaining: [], incomplete: incompleteReason(analysis) };
  try {
    return copyOf(text, analysis, options, budget, started);
  } catch (error) {
    if (!(error instanceof AnalysisStopped)) throw error;
    return { text, mapping: [], dates: '', analysis, remaining: [], incomplete: `1:1: ${stoppedText(error.elapsedMs, error.stopCause, budget)}` };
  }
}

/** Where and why an analysis was not complete, as `line:column: reason`. */
function incompleteReason(analysis: Analysis): string {
  const reason = analysis.messages.find((m) => m.ruleId === 'internal-error' || m.ruleId === 'analysis-stopped');
  return `${reason?.line ?? 1}:${reason?.column ?? 1}: ${reason?.reason ?? 'the file could not be analysed'}`;
}

/** The copy of a fully analysed text, within the budget begun at `started` (AnalysisStopped past it). */
function copyOf(text: string, analysis: Analysis, options: ShareOptions, budget: AnalysisBudget, started: number): ShareResult {
  const check = budgetChecker(budget, clock, started);
  const { model } = analysis;
  const people = collectPeople(analysis);
  assignPseudonyms(people, readChosen(analysis));
  const replacements: Replacement[] = [];
  // What is already replaced, by offset (replacements are short and many: a scan of all of them for each was quadratic).
  const covered = new Uint8Array(text.length + 1);
  const insertions: number[] = [];
  const taken = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (covered[i]) return true;
    return insertions.some((at) => start < at && end > at);
  };
  const replace = (start: number, end: number, value: string, spelling?: { person?: Named; original: string }): void => {
    if (start > end || (start < end && taken(start, end))) return;
    replacements.push({ start, end, text: value });
    if (start < end) covered.fill(1, start, end);
    else insertions.push(start);
    spelling?.person?.spellings.add(spelling.original);
  };

  // The frontmatter: the writer's name, the pseudonyms key (it re-identifies), and the mark that turns checks on.
  const fm = model.frontmatter.position;
  const fmStart = fm?.start.offset ?? 0;
  const fmEnd = fm?.end.offset ?? 0;
  const mapping: MappingEntry[] = [];
  if (fm) {
    const inner = text.slice(fmStart, fmEnd);
    const bodyStart = inner.indexOf('\n') + 1;
    const yamlText = inner.slice(bodyStart, inner.lastIndexOf('\n'));
    const doc = parseDocument(yamlText, { keepSourceTokens: true });
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const range = (pair.value as { range?: [number, number, number] } | null)?.range;
        const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
        if (key === 'author' && isScalar(pair.value) && range && String(pair.value.value ?? '').trim()) {
          replace(fmStart + bodyStart + range[0], fmStart + bodyStart + range[1], 'Allocated worker');
          mapping.push({ original: String(pair.value.value), pseudonym: 'Allocated worker', who: 'the author', spellings: [String(pair.value.value)] });
        }
        if (key === 'pseudonyms' && keyRange) {
          // From the key to the end of its value's last line: the whole entry goes.
          const from = fmStart + bodyStart + yamlText.lastIndexOf('\n', keyRange[0]) + 1;
          const valueEnd = fmStart + bodyStart + (range?.[2] ?? range?.[1] ?? keyRange[1]);
          const lineEnd = text.indexOf('\n', valueEnd - 1);
          replace(from, lineEnd < 0 ? valueEnd : lineEnd + 1, '');
        }
      }
    }
    if (!/^shareable\s*:/m.test(yamlText)) replace(fmStart + bodyStart, fmStart + bodyStart, 'shareable: true\n');
  }

  // Genogram and ecomap blocks: ids and quoted names in statements; notes and comments are prose.
  const ids = new Set<string>();
  const newIds = new Map<string, string>();
  for (const person of people) if (person.key) newIds.set(person.key, idFor(person.pseudonym, ids));
  const blockProse: Array<[number, number]> = [];
  for (const diagram of model.diagrams) {
    const { lineStarts } = diagram.genogram;
    for (const lineStart of lineStarts) {
      const lineEnd = text.indexOf('\n', lineStart);
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
      const { tokens, commentAt } = tokenize(line);
      const noteAt = tokens.findIndex((t, n) => t.kind === 'word' && t.lower === 'note' && (t.colon || n === 0));
      let statementEnd = commentAt;
      if (noteAt >= 0) {
        const note = tokens[noteAt];
        const colon = note?.colon ? note : tokens.slice(noteAt + 1).find((t) => t.colon || t.kind === 'colon');
        statementEnd = colon ? colon.end + (colon.colon ? 1 : 0) : (note?.end ?? commentAt);
        // `note amy: …` names its person before the colon.
      }
      for (const token of tokens) {
        if (token.start >= statementEnd) break;
        if (token.kind === 'word') {
          const id = newIds.get(token.lower);
          if (id) replace(lineStart + token.start, lineStart + token.end, id);
        } else if (token.kind === 'quoted') {
          const person = people.find((p) => normaliseName(p.name) === normaliseName(token.text));
          if (person) {
            const open = line.indexOf(token.text, token.start);
            replace(lineStart + open, lineStart + open + token.text.length, person.pseudonym, { person, original: token.text });
          }
        }
      }
      if (statementEnd < line.length) blockProse.push([lineStart + statementEnd, lineStart + line.length]);
    }
  }

  check();
  // Dates of birth become ages, on the case's date (else today).
  const caseDate = readDate(String(model.frontmatter.date ?? '')) ?? readDate(options.today ?? new Date().toISOString().slice(0, 10));
  const dob = new RegExp(`\\b(born(?:\\s+on)?|DOB|D\\.O\\.B\\.?|date of birth)((?:\\s+(?:is|was))?\\s*:?\\s*)(${datePattern})`, 'giu');
  for (const m of text.matchAll(dob)) {
    const read = readDate(m[3] ?? '');
    if (!read || !caseDate) continue;
    const age = ageOn(read.date, caseDate.date);
    const start = m.index ?? 0;
    const label = (m[1] ?? '').toLowerCase().startsWith('born') ? `aged ${age}` : `${/^[A-Z]/.test(m[1] ?? '') ? 'Age' : 'age'}${(m[2] ?? '').includes(':') ? ':' : ''} ${age}`;
    replace(start, start + m[0].length, label);
  }

  // Other exact dates: month and year, or one shift for all so that intervals stay true.
  const handling = options.dates ?? 'month';
  const shift = options.shiftDays ?? (Math.random() < 0.5 ? -1 : 1) * (14 + Math.floor(Math.random() * 47));
  if (handling !== 'keep') {
    for (const m of text.matchAll(new RegExp(datePattern, 'gu'))) {
      const read = readDate(m[0]);
      if (!read) continue;
      const start = m.index ?? 0;
      const value = handling === 'month' ? monthOnly(read) : formatDate(new Date(read.date.getTime() + shift * 86_400_000), read.style, read.separator);
      replace(start, start + m[0].length, value);
    }
  }

  check();
  // Names in the prose (and the frontmatter, and the blocks' notes), longest spelling first; a child's age once.
  const table = spellingTable(people);
  const expression = spellingPattern([...table.keys()]);
  if (expression) {
    const introduced = new Set<Named>();
    const bodyFrom = fmEnd;
    const normal = normaliseWithMap(text);
    // Inside a block (its notes included): not prose, where a child's first mention would be introduced.
    const inBlock = new Uint8Array(text.length + 1);
    for (const [a, b] of blockProse) inBlock.fill(1, a, b);
    for (const d of model.diagrams) inBlock.fill(1, d.position.start.offset ?? 0, d.position.end.offset ?? 0);
    check();
    for (const m of normal.text.matchAll(expression)) {
      const entry = table.get(m[0].replace(/\s+/g, ' '));
      if (!entry) continue;
      const [start, end] = originalRange(normal, m.index ?? 0, (m.index ?? 0) + m[0].length);
      const inProse = start >= bodyFrom && !inBlock[start];
      let value = entry.text;
      if (entry.person && inProse && !introduced.has(entry.person)) {
        introduced.add(entry.person);
        value = entry.person.first;
      }
      replace(start, end, value, { person: entry.person, original: text.slice(start, end) });
    }
  }
  const exact = roleWordNames(people);
  if (exact.size > 0) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${[...exact.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
    for (const m of text.matchAll(pattern)) {
      const entry = exact.get(m[0]);
      const start = m.index ?? 0;
      if (entry && start >= fmEnd) replace(start, start + m[0].length, entry.text, { person: entry.person, original: m[0] });
    }
  }

  check();
  // In order, in one pass: replacing one at a time from the end copied the whole text for each.
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = [];
  let at = 0;
  for (const r of replacements) {
    pieces.push(text.slice(at, r.start), r.text);
    at = r.end;
  }
  pieces.push(text.slice(at));
  let copy = pieces.join('');
  if (!fm) copy = `---\ncasemark: 1\nshareable: true\n---\n\n${copy}`;

  for (const person of people) {
    mapping.push({
      original: person.name,
      pseudonym: person.pseudonym,
      who: person.index ? 'the index child' : person.relation ?? person.role ?? (person.isChild ? 'a child' : 'an adult'),
      spellings: [...person.spellings],
    });
  }
  const dates =
    handling === 'keep' ? 'Dates were kept as written.' : handling === 'month' ? 'Exact dates were reduced to month and year.' : `Every exact date was moved by ${Math.abs(shift)} days ${shift < 0 ? 'earlier' : 'later'}.`;
  check();
  const shared = analyse(copy, { path: 'shareable.case.md', config: options.config, budget, budgetStarted: started });
  // The copy is checked for what may still identify the family: a check that did not finish is no check.
  if (incompleteAnalysis(shared.messages)) return { text, mapping: [], dates: '', analysis: shared, remaining: [], incomplete: incompleteReason(shared) };
  const remaining = shared.messages.filter((m) => m.ruleId === 'identifying-detail');
  remaining.push(...survivingNames(copy, people, shared), ...unreadFrontmatter(analysis, shared));
  return { text: copy, mapping, dates, analysis: shared, remaining };
}

/**
 * The check after the copy is made: any declared name still in it, in any case, width or with invisible characters
 * (a writer's own pseudonym that keeps part of the name included), is flagged as not replaced.
 */
function survivingNames(copy: string, people: Named[], shared: Analysis): CaseMessage[] {
  const expression = spellingPattern(declaredSpellings(people));
  if (!expression) return [];
  const normal = normaliseWithMap(copy);
  const source = new SourceText(copy, { type: 'root', children: [] });
  const found: CaseMessage[] = [];
  for (const m of normal.text.matchAll(expression)) {
    const [start, end] = originalRange(normal, m.index ?? 0, (m.index ?? 0) + m[0].length);
    found.push(
      createMessage(shared.file, {
        ruleId: 'identifying-detail',
        severity: 'warning',
        reason: `“${copy.slice(start, end).replace(/[^\p{L}\p{N} '-]/gu, '')}” is a declared name that CaseMark could not replace here. Could it be replaced by hand before sharing?`,
        at: source.position(start, end),
      }),
    );
  }
  return found;
}

/** Frontmatter that could not be read declares people CaseMark never saw: the copy may still name them. */
function unreadFrontmatter(original: Analysis, shared: Analysis): CaseMessage[] {
  const unread = original.messages.find((m) => m.ruleId === 'frontmatter-invalid' && /not valid YAML|was not read|never closed/.test(m.reason));
  if (!unread) return [];
  return [
    createMessage(shared.file, {
      ruleId: 'identifying-detail',
      severity: 'warning',
      reason: `The frontmatter could not be read (${unread.reason}), so the people it declares were not replaced. Could it be mended and the copy made again?`,
      at: { start: { line: unread.line ?? 1, column: unread.column ?? 1 }, end: { line: unread.line ?? 1, column: unread.column ?? 1 } },
    }),
  ];
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The mapping as a Markdown document, headed by what it is: the key that re-identifies the family. */
export function mappingDocument(result: Pick<ShareResult, 'mapping' | 'dates'>, caseName: string): string {
  const rows = result.mapping.map((m) => `| ${cell(m.original)} | ${cell(m.pseudonym)} | ${cell(m.who)} | ${cell(m.spellings.join(', '))} |`);
  return [
    `# Pseudonym mapping for ${caseName}`,
    '',
    '> **This table re-identifies the family.** Keep it apart from the shareable copy, only where case records are kept, and delete it when it is no longer needed. Pseudonymised notes are still personal data for anyone who holds this key.',
    '',
    '| Original | Pseudonym | Who | Written as |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    result.dates,
    '',
  ].join('\n');
}
