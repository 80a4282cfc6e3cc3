// What CaseMark will not try to read: nesting so deep that the parsers would run out of stack. Checked before
// parsing, by counting, so that the answer is the same on every thread whatever its stack size.

/** More levels of block quotes and list items on one line than any case file needs (the parsers manage ~1,000). */
export const maxMarkdownNesting = 100;
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
