// The one Markdown pipeline: remark-parse with YAML frontmatter. Frozen once; parsing is the hot path.
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import { endPoint } from '../text/source';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
/** For text that starts mid-document: a `---` there is a thematic break, never frontmatter. */
export const windowProcessor = unified().use(remarkParse).freeze();

/**
 * Parse a document. micromark's cost grows faster than the text when there are many lists (it splices its
 * event list per container), so a long document is parsed part by part, split only where a split cannot change
 * the tree: see `sectionStarts`. A part that starts with an item of the list before it is joined back into that
 * list. `between` runs between parts (a budget check may throw there). Tests check the result equals one whole parse.
 */
export function parseMarkdown(text: string, between: () => void = () => {}): Root {
  const starts = sectionStarts(text);
  if (starts.length <= 1) return parseWhole(text);
  const root: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
  starts.forEach((start, i) => {
    if (i > 0) between();
    const end = starts[i + 1]?.offset ?? text.length;
    const part = (i === 0 ? processor : windowProcessor).parse(text.slice(start.offset, end));
    for (const node of part.children) shift(node, start.line - 1, start.offset);
    const [first, ...rest] = part.children;
    const before = root.children[root.children.length - 1];
    if (start.item && first?.type === 'list' && before?.type === 'list' && !before.ordered && text[before.position?.start.offset ?? -1] === text[start.offset]) {
      // The same bullet continues the list: one list, loose if either part is or a blank line sits between them.
      const gap = text.slice(before.position?.end.offset ?? 0, start.offset);
      before.spread = Boolean(before.spread || first.spread || /\n[ \t]*\r?\n/.test(gap));
      before.children.push(...first.children);
      if (before.position && first.position) before.position.end = first.position.end;
      root.children.push(...rest);
    } else root.children.push(...part.children);
  });
  return root;
}

/** One parse of the whole text (what parseMarkdown must always equal). */
export function parseWhole(text: string): Root {
  const tree = processor.parse(text);
  // micromark drops a leading byte order mark and counts from after it; count it back in, so that
  // node offsets (used for fixes and masking) index `text` and agree with SourceText's points.
  if (text.charCodeAt(0) === 0xfeff) {
    const bom = (point: Point): Point => ({ line: point.line, column: point.line === 1 ? point.column + 1 : point.column, offset: point.offset === undefined ? undefined : point.offset + 1 });
    visit(tree, (node) => {
      if (node.position) node.position = { start: bom(node.position.start), end: bom(node.position.end) };
    });
  }
  return tree;
}

const sectionMinimum = 8_000;
const atxHeading = /^#{1,6}(?:[ \t]|$)/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const fenceClose = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** HTML blocks that run past blank lines (CommonMark kinds 1 to 5), with what ends each. */
const htmlBlocks: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** A bullet item at the left margin with text after its marker (so it interrupts a paragraph), not a thematic break. */
const bulletItem = /^[-*+] +\S/;
const thematicBreak = /^(?:[-*_][ \t]*){3,}$/;

/**
 * Where a new top-level part can be parsed on its own: an ATX heading at the left margin after a blank line
 * ends every open container and paragraph, and so does a bullet item at the left margin
 * (it continues or starts a top-level list, `item`), unless a top-level fence or a multi-line HTML block is still open,
 * which this scan tracks from fences at the left margin (always top-level) and stops at any indented fence line. Link reference
 * definitions reach across the document, so any `]:` means one whole parse. Short texts are parsed whole, and sections under 8 KB merged: splitting only pays on long documents.
 */
export function sectionStarts(text: string): Array<{ offset: number; line: number; item?: boolean }> {
  if (text.length < 4 * sectionMinimum || text.includes(']:') || text.charCodeAt(0) === 0xfeff) return [{ offset: 0, line: 1 }];
  const starts: Array<{ offset: number; line: number; item?: boolean }> = [{ offset: 0, line: 1 }];
  // An HTML block of kinds 6 and 7 runs to the next blank line and would swallow a bullet item.
  let htmlSinceBlank = false;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  let line = 1;
  let at = 0;
  // Frontmatter is YAML, where `# …` after a blank line is a comment: start after its closing fence.
  if (/^---[ \t]*\r?\n/.test(text)) {
    const close = /\n---[ \t]*\r?(?:\n|$)/.exec(text);
    if (!close) return starts;
    at = close.index + close[0].length;
    line = text.slice(0, at).split('\n').length;
  }
  for (; at < text.length; line++) {
    const newline = text.indexOf('\n', at);
    const next = newline === -1 ? text.length : newline + 1;
    const content = text.slice(at, newline === -1 ? text.length : newline).replace(/\r$/, '');
    // A fence indented by 1-3 spaces may sit in a list item, which closes it unseen: past one, stop splitting.
    if (/^ {1,3}(?:`{3,}|~{3,})/.test(content)) return starts;
    if (fence) {
      const close = fenceClose.exec(content);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(content)) htmlEnd = undefined;
    } else {
      const last = starts[starts.length - 1] as { offset: number };
      if (at - last.offset >= sectionMinimum) {
        if (previousBlank && atxHeading.test(content)) starts.push({ offset: at, line });
        else if (!htmlSinceBlank && bulletItem.test(content) && !thematicBreak.test(content)) starts.push({ offset: at, line, item: true });
      }
      if (/^ {0,3}</.test(content)) htmlSinceBlank = true;
      const open = fenceOpen.exec(content);
      if (open?.[1] && !(open[1][0] === '`' && (open[2] ?? '').includes('`'))) fence = { char: open[1][0] as string, length: open[1].length };
      for (const [start, end] of htmlBlocks) {
        const opened = start.exec(content);
        if (opened && !end.test(content.slice(opened[0].length))) htmlEnd = end;
      }
    }
    previousBlank = /^[ \t]*$/.test(content);
    if (previousBlank) htmlSinceBlank = false;
    at = next;
  }
  return starts;
}

/** Move a subtree by whole lines and offsets (sections and windows start at a line start, so columns stay). */
export function shift(node: Nodes, lines: number, offset: number): void {
  if (node.position) {
    const { start: s, end: e } = node.position;
    node.position = {
      start: { line: s.line + lines, column: s.column, offset: (s.offset ?? 0) + offset },
      end: { line: e.line + lines, column: e.column, offset: (e.offset ?? 0) + offset },
    };
  }
  if ('children' in node) for (const child of node.children) shift(child as Nodes, lines, offset);
}
