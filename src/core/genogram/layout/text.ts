// Text measure without a DOM: conservative widths, so labels laid out here never overlap once drawn.

export const FONT = { name: 11, year: 10, age: 13, union: 9.5, small: 9 } as const;
/** Conservative width of one character in ems: wide enough for most proportional fonts' capitals and digits. */
export const EM_PER_CHAR = 0.62;
export const NAME_MAX_WIDTH = 104;
export const LINE_HEIGHT = 13;

/** Estimated width of a line of text at a font size (wide East Asian characters count double). */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1.7 : 1;
  return units * EM_PER_CHAR * fontSize;
}

/** Word-wraps text to at most `maxLines` lines of `maxWidth`; a cut line ends with an ellipsis. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const fits = (s: string): boolean => textWidth(s, fontSize) <= maxWidth;
  const words = clean.split(' ');
  const lines: string[] = [];
  let current = '';
  let cut = false;
  for (let w = 0; w < words.length; w++) {
    let word = words[w] as string;
    // A word longer than a line is broken.
    while (!fits(word)) {
      let n = Math.max(1, Math.floor(maxWidth / (EM_PER_CHAR * fontSize)) - 1);
      while (n > 1 && !fits(`${[...word].slice(0, n).join('')}-`)) n--;
      const head = `${[...word].slice(0, n).join('')}-`;
      if (current) {
        lines.push(current);
        current = '';
      }
      lines.push(head);
      word = [...word].slice(n).join('');
    }
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) current = candidate;
    else {
      if (current) lines.push(current);
      current = word;
    }
    if (lines.length >= maxLines) {
      cut = true;
      break;
    }
  }
  if (current && lines.length < maxLines) lines.push(current);
  else if (current) cut = true;
  if (lines.length > maxLines) {
    lines.length = maxLines;
    cut = true;
  }
  if (cut) {
    let last = lines[maxLines - 1] ?? '';
    while (last.length > 1 && !fits(`${last}…`)) last = [...last].slice(0, -1).join('').trimEnd();
    lines[maxLines - 1] = `${last}…`;
  }
  return lines;
}
