// What in a case file could still identify a family once names are pseudonymised: structured identifiers by
// pattern (postcodes, phone, email, NHS and National Insurance numbers, dates of birth), places by shape (schools,
// GP surgeries, street addresses, local authorities), rare events from a word list, and names that are not declared
// in the genogram or `people`, found by compromise (an offline English tagger) and by titles ("Mr Pritchard").
// Patterns find what is written the usual way; docs/rules/identifying-detail.md lists what they miss.
import type nlpType from 'compromise';
import { findPhrases } from '../text/words';
import data from './identifying.json';

export type IdentifierKind =
  | 'name'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'nhs-number'
  | 'ni-number'
  | 'date-of-birth'
  | 'school'
  | 'gp-surgery'
  | 'street-address'
  | 'local-authority'
  | 'rare-event';

export interface Finding {
  kind: IdentifierKind;
  start: number;
  end: number;
  text: string;
  /** What to write instead: general enough to share. */
  general: string;
}

export const kindLabels: Record<IdentifierKind, string> = {
  name: 'a name',
  postcode: 'a postcode',
  phone: 'a phone number',
  email: 'an email address',
  'nhs-number': 'an NHS number',
  'ni-number': 'a National Insurance number',
  'date-of-birth': 'a date of birth',
  school: 'the name of a school',
  'gp-surgery': 'the name of a GP surgery',
  'street-address': 'a street address',
  'local-authority': 'the name of a local authority',
  'rare-event': 'a rare event',
};

const month = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** A whole date: 2016-09-21, 21/09/2016, 21 September 2016, 21st Sept 2016, September 21, 2016. */
export const datePattern = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2})|\\d{1,2}(?:st|nd|rd|th)?\\s+${month}\\.?,?\\s+\\d{4}|${month}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`;

// Each capitalised word starts where a word starts, so a long run of letters is not tried from every position.
const capitalised = "(?<![\\p{L}'’-])[A-Z][\\p{L}'’-]*";
const patterns: Array<{ kind: IdentifierKind; regexp: RegExp; general: (text: string) => string; valid?: (text: string, all: string, at: number) => boolean }> = [
  { kind: 'email', regexp: /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu, general: () => '[email address]' },
  { kind: 'postcode', regexp: /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/g, general: () => '[postcode]' },
  { kind: 'ni-number', regexp: /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g, general: () => '[National Insurance number]' },
  {
    kind: 'phone',
    regexp: /(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?\d|\(0\d{2,4}\)|0\d)[\d ()-]{7,13}\d(?![\w])/g,
    general: () => '[phone number]',
    valid: (text) => {
      let digits = text.replace(/\D/g, '');
      if (digits.startsWith('440')) digits = digits.slice(2);
      else if (digits.startsWith('44')) digits = `0${digits.slice(2)}`;
      return digits.startsWith('0') && (digits.length === 10 || digits.length === 11);
    },
  },
  {
    kind: 'nhs-number',
    regexp: /(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])/g,
    general: () => '[NHS number]',
    // A valid check digit, or the words "NHS number" just before: phone numbers start with 0 and are left to that pattern.
    valid: (text, all, at) => {
      const digits = text.replace(/\D/g, '');
      if (digits.startsWith('0')) return false;
      return nhsCheckDigitValid(digits) || /NHS\s*(?:no\.?|number|#)?\s*:?\s*$/i.test(all.slice(Math.max(0, at - 20), at));
    },
  },
  {
    kind: 'date-of-birth',
    regexp: new RegExp(`\\b(?:born(?:\\s+on)?|DOB|D\\.O\\.B\\.?|date of birth)(?:\\s+(?:is|was))?\\s*:?\\s*${datePattern}`, 'giu'),
    general: () => '[age]',
  },
  {
    kind: 'school',
    regexp: new RegExp(
      `\\b(?:(?:St\\.?|Saint)\\s+)?(?:${capitalised}\\s+){1,4}(?:(?:C of E|CofE|RC|Catholic|Church of England)\\s+)?(?:(?:Primary|Secondary|Infants?|Junior|Nursery|High|Grammar|Community|Free|Academy|College|School|Pre-?school)(?:\\s+(?:School|Academy|College))?|Children['’]s Centre|Sixth Form)\\b`,
      'gu',
    ),
    general: (text) => (/nursery|pre-?school|children['’]s centre/i.test(text) ? 'the nursery' : /primary|infant|junior/i.test(text) ? 'the primary school' : /college|sixth form/i.test(text) ? 'the college' : 'the school'),
  },
  {
    kind: 'gp-surgery',
    regexp: new RegExp(`\\b(?:(?:${capitalised}\\s+){1,4}(?:Surgery|Medical Centre|Medical Practice|Health Centre|Medical Group|Family Practice)|Dr\\.?\\s+${capitalised}['’]s\\s+(?:practice|surgery))\\b`, 'gu'),
    general: () => 'the GP surgery',
  },
  {
    kind: 'street-address',
    regexp: new RegExp(
      `\\b(?:(?:Flat|Apartment)\\s+\\d+[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+(?:${capitalised}\\s+){1,3}(?:Road|Street|Lane|Avenue|Close|Drive|Way|Gardens|Court|Place|Crescent|Terrace|Grove|Hill|Square|Walk|Row|Mews|Rise|Parade|Vale|View|Wharf)\\b|\\b(?:${capitalised}\\s+){1,2}Estate\\b`,
      'gu',
    ),
    general: (text) => (/estate$/i.test(text) ? 'the estate' : 'the family home'),
  },
  {
    kind: 'local-authority',
    regexp: new RegExp(
      `\\b(?:(?:London|Royal)\\s+Borough\\s+of\\s+${capitalised}(?:\\s+upon\\s+${capitalised}|\\s+and\\s+${capitalised}(?!\\s+(?:City\\s+|County\\s+|Borough\\s+)?Council|\\s+[Cc]hildren))?|(?:${capitalised}\\s+){1,3}(?:(?:City|County|Borough|District|Metropolitan Borough)\\s+)?Council|(?:${capitalised}\\s+){1,2}[Cc]hildren['’]s [Ss]ervices)\\b`,
      'gu',
    ),
    general: () => 'the local authority',
  },
];

// compromise takes about 0.3 s to load, so it is loaded on demand (the CLI before commands that check files, the
// editor in the background after activation) rather than with the rest of the core.
let nlp: typeof nlpType | undefined;
let loading: Promise<void> | undefined;

/** Loads the name tagger once; until it is ready, names are found by their titles ("Mr Pritchard") only. */
export function loadNameTagger(): Promise<void> {
  loading ??= import('compromise').then(
    (module) => {
      nlp = module.default;
    },
    () => undefined,
  );
  return loading;
}

export function nameTaggerReady(): boolean {
  return nlp !== undefined;
}

/**
 * Whether identifying-detail may run on this text with these settings (a shareable file, an exercise submission, or
 * the rule named in the settings), so the tagger must be loaded before it is analysed: else names are missed.
 */
export function mayNeedNameTagger(text: string, config: unknown): boolean {
  return /^(?:exercise|shareable)\s*:|identifying-detail|identifiers/m.test(text) || JSON.stringify(config ?? null).includes('identifying-detail');
}

/** Words that start a capitalised run without naming anything ("The Primary School", "Her Council"). */
const leading = /^(?:The|A|An|Her|His|Their|Our|My|Your|This|That|Its|At|In|To|From|And|But|Local|New|Old|Another)\s+/;
const roleWords = new Set(data.roleWords);
// One list for every search, so that findPhrases compiles it once.
const rareEventPhrases = data.rareEvents.map((e) => e.phrase);
const rareEventGeneral = new Map(data.rareEvents.map((e) => [e.phrase.toLowerCase(), e.general] as const));

/** NHS numbers end in a modulus 11 check digit. */
export function nhsCheckDigitValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** A name as a person would: role words and pronouns are not names ("Mother", "Child A", "Grandma"). */
function looksLikeName(text: string, known: ReadonlySet<string>): boolean {
  const words = text.split(/\s+/).filter((w) => !/^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?$/.test(w));
  if (words.length === 0) return false;
  if (words.some((w) => roleWords.has(w.toLowerCase()))) return false;
  if (known.has(text.toLowerCase()) || words.every((w) => known.has(w.toLowerCase()))) return false;
  return words.every((w) => /^[A-Z][\p{L}'’-]+$/u.test(w));
}

export interface DetectOptions {
  /** Names (and their parts, lower-cased) that are declared or already pseudonyms: not reported as names. */
  knownNames?: ReadonlySet<string>;
}

/** Every identifying detail in the text, in order, none overlapping (the more specific kind wins). */
export function findIdentifyingDetails(text: string, options: DetectOptions = {}): Finding[] {
  const found: Finding[] = [];
  for (const { kind, regexp, general, valid } of patterns) {
    regexp.lastIndex = 0;
    for (const m of text.matchAll(regexp)) {
      let start = m.index ?? 0;
      let value = m[0];
      const lead = kind === 'date-of-birth' || kind === 'email' ? null : leading.exec(value);
      if (lead) {
        start += lead[0].length;
        value = value.slice(lead[0].length);
      }
      if (kind !== 'street-address' && kind !== 'date-of-birth' && !/\s/.test(value) && /^(?:School|Academy|College|Council|Surgery)$/.test(value)) continue;
      if (valid && !valid(value, text, start)) continue;
      if ((kind === 'school' || kind === 'gp-surgery' || kind === 'local-authority') && value.split(/\s+/).length < 2) continue;
      found.push({ kind, start, end: start + value.length, text: value, general: general(value) });
    }
  }
  for (const m of findPhrases(text, rareEventPhrases)) {
    const general = rareEventGeneral.get(m.phrase.toLowerCase()) ?? 'an event';
    found.push({ kind: 'rare-event', start: m.start, end: m.end, text: m.text, general });
  }
  found.push(...findNames(text, options.knownNames ?? new Set()));
  // Earlier first; at the same place the longer; then drop what overlaps a finding already kept.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const finding of found) {
    const last = kept[kept.length - 1];
    if (last && finding.start < last.end) {
      // A name inside a school ("St Aidan's") or an address is part of that finding.
      if (finding.end - finding.start > last.end - last.start && last.kind === 'name') kept[kept.length - 1] = finding;
      continue;
    }
    kept.push(finding);
  }
  return kept;
}

const nameTags = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific']);
let lexicon: Record<string, string | string[]> | undefined;

function isNameWord(word: string, known: ReadonlySet<string>): boolean {
  const lower = word.replace(/['’]s$/, '').toLowerCase();
  if (known.has(lower) || roleWords.has(lower)) return false;
  if (!nlp) return false;
  try {
    lexicon ??= (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
  } catch {
    lexicon = {};
  }
  const tags = lexicon[lower];
  return [tags ?? []].flat().some((tag) => nameTags.has(tag));
}

/** Sentences with their offsets: split after . ! ? and at line ends. */
function sentences(text: string): Array<{ start: number; text: string }> {
  const found: Array<{ start: number; text: string }> = [];
  for (const m of text.matchAll(/[^\n.!?]+[.!?]*/g)) if (m[0].trim()) found.push({ start: m.index ?? 0, text: m[0] });
  return found;
}

const tagged = new Map<string, Array<[number, number]>>();

/** The names compromise finds in a sentence, as offsets into it, from the first word it knows as part of a name. */
function taggedNames(sentence: string): Array<[number, number]> {
  if (!nlp) return [];
  const cached = tagged.get(sentence);
  if (cached) return cached;
  type Term = { text: string; tags: string[]; offset: { start: number; length: number } };
  // A capitalised word of the person just before the first one the lexicon knows is the rest of the name ("Priya
  // Sharma", where only Sharma is in the lexicon), unless it is a role ("Aunt") or a verb ("Offer Dan a call").
  const nameBefore = (term: Term | undefined) => term !== undefined && /^\p{Lu}/u.test(term.text) && term.tags.includes('Person') && !term.tags.some((tag) => tag === 'Actor' || tag === 'Verb');
  const spans: Array<[number, number]> = [];
  try {
    for (const { terms } of nlp(sentence).people().json({ offset: true, terms: { offset: true } }) as Array<{ terms: Term[] }>) {
      // "Offer Dan a call" is about Dan: start at the first word tagged as a first name, surname or title.
      let from = terms.findIndex((t) => t.tags.some((tag) => nameTags.has(tag)));
      while (from > 0 && nameBefore(terms[from - 1])) from--;
      const first = terms[from];
      const last = terms[terms.length - 1];
      if (from >= 0 && first && last) spans.push([first.offset.start, last.offset.start + last.offset.length]);
    }
  } catch {
    // The tagger is a help, not a dependency of the check: without it the titles and patterns still run.
  }
  if (tagged.size >= 2000) tagged.clear();
  tagged.set(sentence, spans);
  return spans;
}

const titled = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?/gu;

function findNames(text: string, known: ReadonlySet<string>): Finding[] {
  const found: Finding[] = [];
  const add = (start: number, value: string): void => {
    const trimmed = value.replace(/[\s.,;:!?)'’"]+$/, '').replace(/['’]s$/, '');
    if (trimmed.length < 2 || !looksLikeName(trimmed, known)) return;
    found.push({ kind: 'name', start, end: start + trimmed.length, text: trimmed, general: '[name]' });
  };
  for (const m of text.matchAll(titled)) add(m.index ?? 0, m[0]);
  // The tagger takes milliseconds a sentence, so it only reads sentences with a word its lexicon knows as a name
  // (a first name or a surname that is not declared), and remembers each sentence it has read.
  for (const sentence of sentences(text)) {
    const words = sentence.text.match(/\p{Lu}[\p{L}'’-]+/gu) ?? [];
    if (!words.some((w) => isNameWord(w, known))) continue;
    for (const [from, to] of taggedNames(sentence.text)) add(sentence.start + from, text.slice(sentence.start + from, sentence.start + to));
  }
  return found;
}
