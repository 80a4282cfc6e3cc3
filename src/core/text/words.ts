// Finding words and phrases in prose: whole words, any case, any run of spaces between words.

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
