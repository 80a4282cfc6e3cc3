// Text edits for quick fixes, as offsets: the rule's own fix, and the inline comments that turn a rule off.
import { lineStart as lineStartOffset, type CaseMessage, type CaseModel, type Fix, type PromptGroup } from '../core/index';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
  /** The edit as a snippet, where the writer still has a placeholder to fill in; `text` is what it leaves untouched. */
  snippet?: string;
}

/**
 * `<!-- casemark-disable-next-line id -->` on its own line above the message's line, indented like it; or
 * nothing where a comment line would break the text: inside the frontmatter, or mid-paragraph (it would split it).
 */
export function disableLineEdit(text: string, message: CaseMessage, model: CaseModel): OffsetEdit | undefined {
  const offset = message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0;
  if (offset < (model.frontmatter.position?.end.offset ?? 0)) return undefined;
  const start = lineStartOffset(text, offset);
  const line = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
  const previous = start === 0 ? '' : text.slice(lineStartOffset(text, start - 1), start - 1);
  const startsBlock = /^\s*([-*+]|\d{1,9}[.)])(\s|$)|^\s*#|^\s*>/.test(line) || /^\s*$/.test(previous) || /-->\s*$/.test(previous);
  if (!startsBlock) return undefined;
  const indent = /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start, end: start, text: `${indent}<!-- casemark-disable-next-line ${message.ruleId} -->${eol}` };
}

/** `<!-- casemark-disable id -->` straight after the frontmatter (or at the top), which covers the whole file. */
export function disableFileEdit(text: string, model: CaseModel, ruleId: string): OffsetEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const end = model.frontmatter.position?.end.offset ?? 0;
  // One file-wide comment, extended, rather than a second one that would no longer sit first.
  const existing = /^\s*<!--[ \t]*casemark-disable[ \t]+([^>]*?)[ \t]*-->/.exec(text.slice(end));
  if (existing?.[1]) {
    const at = end + existing[0].indexOf(existing[1]) + existing[1].length;
    return { start: at, end: at, text: ` ${ruleId}` };
  }
  if (model.frontmatter.position === undefined) return { start: 0, end: 0, text: `<!-- casemark-disable ${ruleId} -->${eol}${eol}` };
  return { start: end, end, text: `${eol}${eol}<!-- casemark-disable ${ruleId} -->` };
}

/** Every alternative fix a message offers: its own fix first, then the other wordings in `expected`. */
export function fixAlternatives(message: CaseMessage): Array<OffsetEdit & { title: string }> {
  const fix = message.fix;
  if (!fix) return [];
  const alternatives: Array<OffsetEdit & { title: string }> = [{ start: fix.start, end: fix.end, text: fix.text, title: fix.title, ...(fix.snippet ? { snippet: fix.snippet } : {}) }];
  for (const other of message.expected ?? []) {
    if (other === fix.text) continue;
    const original = fix.title.match(/^Replace (“.*?”) with/)?.[1];
    alternatives.push({ start: fix.start, end: fix.end, text: other, title: original ? `Replace ${original} with “${other}”` : fix.title });
  }
  return alternatives;
}

/** Every fix a group of prompts offers: each prompt's own (with its other wordings), then those of the places it repeats at. */
export function groupEdits(group: PromptGroup, lineOf: (offset: number) => number): Array<OffsetEdit & { title: string; ruleId: string }> {
  const out: Array<OffsetEdit & { title: string; ruleId: string }> = [];
  for (const prompt of [group.primary, ...group.others]) {
    const ruleId = prompt.message.ruleId;
    for (const alternative of fixAlternatives(prompt.message)) out.push({ ...alternative, ruleId });
    for (const related of prompt.related) {
      const fix: Fix | undefined = related.fix;
      if (!fix) continue;
      // "Add a Test: item to H2" says where already; "Replace “never”…" needs the line.
      const where = out.some((o) => o.title === fix.title) ? ` (line ${lineOf(fix.start) + 1})` : '';
      out.push({ start: fix.start, end: fix.end, text: fix.text, ...(fix.snippet ? { snippet: fix.snippet } : {}), title: `${fix.title}${where}`, ruleId });
    }
  }
  return out;
}
