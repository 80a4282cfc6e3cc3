// Finding words and phrases in prose: whole words, any case, any run of spaces between words.

/** Every table a user's word is looked up in, by name: a test feeds each every name Object.prototype has. */
const tables = new Map<string, Readonly<Record<string, unknown>>>();

/**
 * A table of words to meanings with no prototype: "constructor" or "__proto__" typed by a user finds nothing,
 * never Object's own function.
 */
export function wordTable<T>(name: string, entries: Record<string, T>): Readonly<Record<string, T>> {
  const table = Object.assign(Object.create(null) as Record<string, T>, entries);
  tables.set(name, table);
  return table;
}

/** The word tables made so far (those of every module loaded). */
export function wordTables(): ReadonlyMap<string, Readonly<Record<string, unknown>>> {
  return tables;
}

export interface Match {
  start: number;
  end: number;
  /** The list entry that matched, as configured. */
  phrase: string;
  /** The text as written in the document. */
  text: string;
}

/** A word list made ready to search: its expression, and each spelling back to the entry as configured. */
interface Compiled {
  regexp: RegExp | undefined;
  normalised: Map<string, string>;
}

// Word lists are searched many times an analysis: keyed by the list itself first (no joining), then by content.
const byList = new WeakMap<readonly string[], Compiled>();
const byListCaseSensitive = new WeakMap<readonly string[], Compiled>();
const byContent = new Map<string, Compiled>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(phrases: readonly string[], caseSensitive: boolean): Compiled {
  const lists = caseSensitive ? byListCaseSensitive : byList;
  const known = lists.get(phrases);
  if (known) return known;
  const key = `${caseSensitive ? 'c' : 'i'}\u0000${phrases.join('\u0000')}`;
  let compiled = byContent.get(key);
  if (!compiled) {
    const parts = [...new Set(phrases.map((p) => (caseSensitive ? p.trim() : p.trim().toLowerCase())).filter(Boolean))]
      .sort((a, b) => b.length - a.length)
      .map((p) => p.split(/\s+/).map(escape).join('[\\s-]+'));
    compiled = {
      regexp: parts.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}_'’-])(?:${parts.join('|')})(?![\\p{L}\\p{N}_-])`, caseSensitive ? 'gu' : 'giu'),
      normalised: new Map(phrases.map((p) => [p.trim().toLowerCase().split(/\s+/).join(' '), p])),
    };
    // Lists built from a file's names change as the writer types; keep the cache from growing for ever.
    if (byContent.size >= 1000) byContent.clear();
    byContent.set(key, compiled);
  }
  lists.set(phrases, compiled);
  return compiled;
}

/** One regular expression for a whole word list, longest phrases first so "will never change" beats "never". */
export function phraseRegExp(phrases: readonly string[], caseSensitive = false): RegExp | undefined {
  return compile(phrases, caseSensitive).regexp;
}

export function findPhrases(text: string, phrases: readonly string[], from = 0, to = text.length, caseSensitive = false): Match[] {
  const { regexp, normalised } = compile(phrases, caseSensitive);
  if (!regexp) return [];
  const found: Match[] = [];
  // Search no further than `to` (and the two code units the lookahead reads after it): otherwise a search
  // of one hypothesis with no match scans the rest of the document, and a long file takes quadratic time.
  const within = to + 2 < text.length ? text.slice(0, to + 2) : text;
  regexp.lastIndex = from;
  for (let m = regexp.exec(within); m && m.index < to; m = regexp.exec(within)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    const key = m[0].toLowerCase().split(/[\s-]+/).join(' ');
    found.push({ start: m.index, end, text: m[0], phrase: normalised.get(key) ?? m[0] });
  }
  return found;
}

/** Ranges between quotation marks ("…", “…”, ‘…’) in a stretch of text; quotes do not run past a blank line. */
export function quotedRanges(text: string, from: number, to: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pairs: Record<string, string> = { '"': '"', '“': '”', '‘': '’', '«': '»' };
  let open: { char: string; at: number } | undefined;
  for (let i = from; i < to; i++) {
    const char = text[i] as string;
    if (open) {
      if (char === pairs[open.char]) {
        ranges.push([open.at, i + 1]);
        open = undefined;
      } else if ((char === '\r' || (char === '\n' && text[i - 1] !== '\r')) && /(?:\r\n|\r|\n)[ \t]*$/.test(text.slice(Math.max(from, i - 200), i))) {
        // A line break straight after another (any of LF, CRLF, CR): a blank line ends the quotation.
        open = undefined;
      }
    } else if (char in pairs) {
      // A curly apostrophe inside a word (don’t) is not a quotation mark.
      if (char === '‘' && /[\p{L}]/u.test(text[i - 1] ?? '')) continue;
      open = { char, at: i };
    }
  }
  return ranges;
}

const reportingVerb =
  /\b(said|says|say|told|tells|tell|telling|reported|reports|report|stated|states|explained|explains|described|describes|claimed|claims|according to|believes|believed|feels|felt|thinks|thought|insisted|insists|shared|disclosed)\b/giu;

/**
 * Whether the words at `offset` are someone else's: inside quotation marks, or after a reporting verb
 * in the same sentence ("Mum said he will never come back"). "I think…" and "we feel…" stay the writer's own.
 */
export function isReported(text: string, offset: number, quoted: Array<[number, number]>): boolean {
  if (quoted.some(([a, b]) => offset > a && offset < b)) return true;
  const before = text.slice(Math.max(0, offset - 300), offset);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf(': '), lastBlockStart(before));
  const sentence = before.slice(sentenceStart + 1);
  for (const m of sentence.matchAll(reportingVerb)) {
    if (/[,;]/.test(sentence.slice((m.index ?? 0) + m[0].length))) continue;
    const subject = sentence.slice(0, m.index).trimEnd().split(/\s+/).pop()?.toLowerCase();
    if (subject !== 'i' && subject !== 'we') return true;
  }
  return false;
}

/** Where the last blank line (LF, CRLF or CR) or new list item in `text` starts, or -1: a sentence never runs past one. */
function lastBlockStart(text: string): number {
  let at = -1;
  for (const m of text.matchAll(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n|[-*+][ \t]|\d{1,9}[.)][ \t])/g)) at = m.index;
  return at;
}

/** Lower-case content words of a statement in order, for comparing statements. */
export function contentWordList(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 2 && !stopWords.has(w));
}

export function contentWords(text: string): Set<string> {
  return new Set(contentWordList(text));
}

const stopWords = new Set(
  'the and for that this with from are was were has have had his her hers him she he they them their there what when who will would could should may might can not but about into than then because been being also very more most some any our your its it’s it\'s'.split(
    ' ',
  ),
);

// Word patterns: list entries a team can write in settings that match word forms, not one spelling.
// In an entry, `word*` is a stem (any ending: "disengag*" finds disengaged, disengaging, disengagement) and
// `(a|b|c)` is one word of several ("(refused|refusal|refusing) to engage"); everything else matches as in
// findPhrases (whole words, any case, spaces or hyphens between words).

/** One word of a pattern as a regular expression source. */
function wordSource(word: string): string {
  const alternatives = /^\((.+)\)$/.exec(word)?.[1]?.split('|') ?? [word];
  const sources = alternatives.map((w) =>
    w
      .split('*')
      .map(escape)
      .join("[\\p{L}'’]*"),
  );
  return sources.length === 1 ? (sources[0] as string) : `(?:${sources.join('|')})`;
}

/** A pattern's words: spaces split words, except inside `( | )`. */
function patternWords(pattern: string): string[] {
  return pattern.trim().toLowerCase().match(/\([^)]*\)\S*|\S+/g) ?? [];
}

function patternSource(pattern: string): string {
  return patternWords(pattern).map(wordSource).join('[\\s-]+');
}

const patternCache = new Map<string, { all: RegExp; each: Array<{ pattern: string; exact: RegExp }> } | undefined>();

function compilePatterns(patterns: readonly string[]) {
  const key = patterns.join('\u0000');
  if (patternCache.has(key)) return patternCache.get(key);
  const usable = [...new Set(patterns.map((p) => p.trim()).filter(Boolean))];
  const each = usable.map((pattern) => ({ pattern, exact: new RegExp(`^(?:${patternSource(pattern)})$`, 'iu') }));
  const sources = usable.map(patternSource).sort((a, b) => b.length - a.length);
  const compiled = sources.length === 0 ? undefined : { all: new RegExp(`(?<![\\p{L}\\p{N}_'’-])(?:${sources.join('|')})(?![\\p{L}\\p{N}_-])`, 'giu'), each };
  if (patternCache.size >= 200) patternCache.clear();
  patternCache.set(key, compiled);
  return compiled;
}

/**
 * Where the entries of a pattern list occur between `from` and `to`: like findPhrases, with stems (`word*`) and
 * alternatives (`(a|b)`). Each match names the entry that matched, as configured.
 */
export function findPatterns(text: string, patterns: readonly string[], from = 0, to = text.length): Match[] {
  const compiled = compilePatterns(patterns);
  if (!compiled) return [];
  const { all, each } = compiled;
  const within = to + 2 < text.length ? text.slice(0, to + 2) : text;
  const found: Match[] = [];
  all.lastIndex = from;
  for (let m = all.exec(within); m && m.index < to; m = all.exec(within)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    const phrase = each.find((e) => e.exact.test(m[0]))?.pattern ?? m[0];
    found.push({ start: m.index, end, text: m[0], phrase });
  }
  return found;
}

const negation = /^(?:not|no|never|without|hardly|nor)\s+$|n['’]t\s+$/i;

/**
 * Whether the words just before `offset` deny them: "not", "no", "never", "without" or an -n't, up to two words
 * back in the same clause ("may not always", "is not really chaotic", "wasn't uncooperative").
 */
export function isNegated(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 60), offset);
  const clause = before.split(/[.;:!?,()\n]/).pop() ?? '';
  const words = clause.match(/\S+\s+/g) ?? [];
  return words.slice(-3).some((word) => negation.test(word));
}

/** The quotation that holds `offset`, if any: its range in the text. */
export function quotationAt(quoted: Array<[number, number]>, start: number, end: number): [number, number] | undefined {
  return quoted.find(([a, b]) => start > a && end < b);
}
