// What CaseMark will not try to read: nesting so deep that the parsers would run out of stack. Checked before
// parsing, by counting, so that the answer is the same on every thread whatever its stack size.
import type { Position } from '../model/case';

/** More levels of block quotes and list items on one line than any case file needs: deeper lists take seconds to parse, and a few thousand run the parsers out of stack. */
export const maxMarkdownNesting = 1000;
/** More levels of YAML flow brackets than any frontmatter needs. */
export const maxYamlNesting = 100;

export interface TooDeep {
  /** Offset of the line (or bracket) where the limit was passed. */
  offset: number;
  /** What was too deep, for the message: "block quotes and list items", "brackets". */
  what: string;
  depth: number;
  limit: number;
}

const containerMarker = /^ {0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/** The first line whose quote and list markers nest past the limit, if any. */
export function markdownTooDeep(text: string, from = 0, limit = maxMarkdownNesting): TooDeep | undefined {
  let at = from;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    // A line with fewer characters than the limit cannot nest past it.
    if (end - at > limit) {
      let depth = 0;
      let rest = text.slice(at, Math.min(end, at + 8 * (limit + 1)));
      for (let m = containerMarker.exec(rest); m && m[0].length > 0; m = containerMarker.exec(rest)) {
        depth++;
        if (depth > limit) return { offset: at, what: 'block quotes and list items', depth: countMarkers(text.slice(at, end)), limit: maxMarkdownNesting };
        rest = rest.slice(m[0].length);
      }
    }
    at = end + 1;
  }
  return undefined;
}

function countMarkers(line: string): number {
  let depth = 0;
  let rest = line;
  for (let m = containerMarker.exec(rest); m && m[0].length > 0; m = containerMarker.exec(rest)) {
    depth++;
    rest = rest.slice(m[0].length);
  }
  return depth;
}

/** The first bracket in a YAML text that opens past the limit, with how deep it goes, if any (quotes and comments aside). */
export function yamlTooDeep(yaml: string): TooDeep | undefined {
  let depth = 0;
  let deepest = 0;
  let found: number | undefined;
  let quote: string | undefined;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      // A quote opens a string only where a value starts, not inside a word ("Kerry's").
      const before = yaml[i - 1];
      if (before === undefined || /[\s[{,:]/.test(before)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(yaml[i - 1] as string))) {
      const newline = yaml.indexOf('\n', i);
      i = newline === -1 ? yaml.length : newline;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > maxYamlNesting && found === undefined) found = i;
      deepest = Math.max(deepest, depth);
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '\n' && quote === undefined && found !== undefined) break;
  }
  return found === undefined ? undefined : { offset: found, what: 'brackets', depth: deepest, limit: maxYamlNesting };
}

// Caps on what drives micromark to its worst case, applied before parsing: containers nested very deep (each line
// re-enters every open container, and the event list is spliced per container) and long runs of emphasis markers in
// one paragraph (each closer looks back through every opener). Real case files nest a few levels and emphasise a
// few words; past the caps the text is read as plain (markers) or left unparsed (lines), with a message at the place.
// Replacements keep every offset: characters become spaces (deep lines one HTML comment), line endings stay.

/** Deepest block quote plus list nesting parsed; deeper lines are not parsed. */
export const maxNesting = 32;
/** Emphasis marker runs (`*`, `_`) parsed per paragraph; later ones are read as plain text. */
export const maxEmphasisRuns = 1_000;

export interface LimitNotice {
  message: string;
  position: Position;
}

export interface LimitedText {
  /** The text to parse: the original where no cap applied. */
  text: string;
  notices: LimitNotice[];
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const listMarker = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;

function columnsOf(space: string): number {
  let column = 0;
  for (const c of space) column = c === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}

/** Cap nesting and emphasis runs; a cheap linear scan, skipped for texts without the shapes it looks for. */
export function limitText(text: string): LimitedText {
  const notices: LimitNotice[] = [];
  // Nothing to cap in the usual file: no line indented or quoted past a few levels, few markers.
  if (!/(?:^|\n)(?:[ \t]*>){8}|(?:^|\n)[ \t]{16}|[*_][^\n]*[*_]/.test(text)) return { text, notices };
  // Replacements in text order, none holding a line ending: [from, to, with].
  const edits: Array<[number, number, string]> = [];
  const blank = (from: number, to: number) => edits.push([from, to, ' '.repeat(to - from)]);

  // Content columns of the list items open at the current line (an approximation of CommonMark's containers that
  // is exact for the nested lists and quotes that reach the cap).
  const items: number[] = [];
  let fence: string | undefined;
  let deep: { line: number; from: number; to: number; toLine: number; toColumn: number } | undefined;
  let runs = 0;
  let paragraph: { line: number; column: number; offset: number } | undefined;
  let plainFrom: { line: number; column: number; offset: number } | undefined;
  let previousBlank = true;
  let line = 1;
  const closeDeep = () => {
    if (!deep) return;
    // Blanked, the lines would still be whitespace every open container re-reads; as one HTML comment at the left
    // margin they close every container above them and are read in one linear pass (and are not prose).
    const first = edits.findIndex(([from]) => from === deep?.from);
    edits.splice(first, edits.length - first, [deep.from, deep.to, `<!--${text.slice(deep.from + 4, deep.to - 3).replace(/[^\r\n]/g, ' ')}-->`]);
    notices.push({
      message: `This part is nested more than ${maxNesting} levels deep (lists and block quotes): CaseMark did not read lines ${deep.line}–${deep.toLine}, so they were not checked.`,
      position: { start: { line: deep.line, column: 1, offset: deep.from }, end: { line: deep.toLine, column: deep.toColumn, offset: deep.to } },
    });
    deep = undefined;
  };
  const closeParagraph = (end: { line: number; column: number; offset: number }) => {
    if (plainFrom) {
      notices.push({
        message: `This paragraph has more than ${maxEmphasisRuns} emphasis markers (* or _): CaseMark read the ones from here on as plain text, so their emphasis was not checked.`,
        position: { start: plainFrom, end },
      });
    }
    paragraph = undefined;
    plainFrom = undefined;
    runs = 0;
  };

  for (let at = 0; at <= text.length; line++) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 ? text.length : newline;
    const content = text.slice(at, lineEnd).replace(/\r$/, '');
    const endPoint = { line, column: content.length + 1, offset: at + content.length };
    if (fence !== undefined) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(content)) fence = undefined;
    } else if (/^[ \t]*$/.test(content)) {
      closeParagraph(endPoint);
      previousBlank = true;
    } else {
      // Block quote markers, then list items by indentation.
      let quotes = 0;
      let skip = 0;
      const quote = / {0,3}> ?/y;
      for (quote.lastIndex = 0; quote.exec(content); quote.lastIndex = skip) {
        quotes++;
        skip = quote.lastIndex;
      }
      const rest = skip > 0 ? content.slice(skip) : content;
      const indent = /^[ \t]*/.exec(rest)?.[0] ?? '';
      const column = columnsOf(indent);
      const body = rest.slice(indent.length);
      const marker = listMarker.exec(body);
      if (marker || previousBlank) while (items.length > 0 && (items[items.length - 1] as number) > column) items.pop();
      if (marker) items.push(column + Math.min(marker[0].length, body.length === marker[0].length ? marker[0].length + 1 : marker[0].length));
      const depth = quotes + items.length;
      if (depth > maxNesting) {
        if (!deep) {
          deep = { line, from: at, to: lineEnd, toLine: line, toColumn: content.length + 1 };
          blank(at, at + content.length);
        }
        Object.assign(deep, { to: at + content.length, toLine: line, toColumn: content.length + 1 });
        closeParagraph(endPoint);
      } else {
        closeDeep();
        const open = fenceOpen.exec(body);
        if (open?.[1] && quotes === 0 && items.length === 0) {
          fence = open[1];
          closeParagraph(endPoint);
        } else {
          paragraph ??= { line, column: 1, offset: at };
          // Emphasis runs: each maximal run of * or _ (a list marker's own * is not one).
          const start = at + (content.length - body.length) + (marker?.[0].length ?? 0);
          const scanned = text.slice(start, at + content.length);
          for (const run of scanned.matchAll(/[*_]+/g)) {
            runs++;
            if (runs > maxEmphasisRuns) {
              const offset = start + (run.index ?? 0);
              plainFrom ??= { line, column: offset - at + 1, offset };
              blank(offset, offset + run[0].length);
            }
          }
        }
      }
      previousBlank = false;
    }
    if (newline === -1) {
      closeDeep();
      closeParagraph(endPoint);
      break;
    }
    at = newline + 1;
  }
  if (edits.length === 0) return { text, notices };
  const parts: string[] = [];
  let from = 0;
  for (const [start, end, replacement] of edits) {
    parts.push(text.slice(from, start), replacement);
    from = end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), notices };
}
