// Text as a name matcher must see it: compatibility forms folded (full-width "Ｋｅｒｒｙ" is Kerry), accents dropped,
// invisible characters removed (zero-width spaces and joiners, word joiner, soft hyphen, direction marks and controls), any case. Each
// character of the result knows where it came from, so a match maps back to the original text.

/** Characters that change nothing a reader sees, or only the direction of what follows. */
// Each one is listed on its own (a combining grapheme joiner among them), never as part of a letter.
// eslint-disable-next-line no-misleading-character-class
export const invisible = /[\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]/u;
// eslint-disable-next-line no-misleading-character-class
const invisibleAll = new RegExp(invisible.source, 'gu');

export interface Normalised {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the original where its character starts. */
  from: Int32Array;
  /** For each UTF-16 unit of `text`, the offset in the original just past its character. */
  to: Int32Array;
}

/**
 * A word or name in its normalised form (for tables and comparisons): compatibility forms folded, accents and other
 * marks dropped (Zoe and Zoë are one name to a reader), invisible characters removed, lower case.
 */
export function normaliseName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(invisibleAll, '').toLowerCase().normalize('NFKC');
}

/** The normalised text with its map back to `original`; the original's line breaks are kept where they were. */
export function normaliseWithMap(original: string): Normalised {
  // Typed arrays and whole runs of plain text: a string and two numbers per character made a 4.9 MB file's map take
  // seconds, most of it the garbage collector's.
  let from = new Int32Array(original.length + 16);
  let to = new Int32Array(original.length + 16);
  let n = 0;
  const room = (extra: number): void => {
    if (n + extra <= from.length) return;
    const size = Math.max(from.length * 2, n + extra);
    const wider = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old.subarray(0, n));
      return next;
    };
    from = wider(from);
    to = wider(to);
  };
  const mark = /\p{M}/u;
  const parts: string[] = [];
  let i = 0;
  while (i < original.length) {
    // A run of plain ASCII, none followed by a combining mark (U+0300 and up): lower case is all it needs (the common case).
    let j = i;
    while (j < original.length && original.charCodeAt(j) < 0x80 && !(original.charCodeAt(j + 1) >= 0x300)) j++;
    if (j > i) {
      parts.push(original.slice(i, j).toLowerCase());
      room(j - i);
      for (let k = i; k < j; k++, n++) {
        from[n] = k;
        to[n] = k + 1;
      }
      i = j;
      continue;
    }
    const point = original.codePointAt(i) as number;
    const width = point > 0xffff ? 2 : 1;
    let end = i + width;
    // A character with its combining marks is normalised as one, so "e" + U+0301 folds like "é".
    while (end < original.length && mark.test(String.fromCodePoint(original.codePointAt(end) as number))) end += (original.codePointAt(end) as number) > 0xffff ? 2 : 1;
    const piece = original.slice(i, end);
    const folded = invisible.test(piece) && piece.length === width ? '' : normaliseName(piece);
    room(folded.length);
    for (let k = 0; k < folded.length; k++, n++) {
      from[n] = i;
      to[n] = end;
    }
    parts.push(folded);
    i = end;
  }
  return { text: parts.join(''), from: from.subarray(0, n), to: to.subarray(0, n) };
}

/** The original range under normalised [start, end). */
export function originalRange(map: Normalised, start: number, end: number): [number, number] {
  return [map.from[start] ?? map.to[map.to.length - 1] ?? 0, map.to[end - 1] ?? map.from[start] ?? 0];
}
