// The document's text with helpers to turn offsets into positions and to find words in prose only.
import type { Nodes, Root } from 'mdast';
import type { Point, Position } from 'unist';
import { location } from 'vfile-location';

/** Node types whose text is not the writer's prose: code, HTML (including comments) and frontmatter. */
const nonProse = new Set(['code', 'inlineCode', 'html', 'yaml']);

export class SourceText {
  private readonly place: ReturnType<typeof location>;
  private maskedText: string | undefined;
  private nonProseRanges: Array<[number, number]> | undefined;

  constructor(
    readonly text: string,
    readonly tree: Root,
  ) {
    this.place = location(text);
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const point = this.place.toPoint(clamped);
    // vfile-location has no point for the very end of a text that ends without a newline.
    return point ?? endPoint(this.text);
  }

  /** Line `line` (1-based) of the text: where it starts and what it says, without its line ending. */
  line(line: number): { start: number; text: string } {
    const start = this.place.toOffset({ line, column: 1 });
    if (start === undefined) return { start: this.text.length, text: '' };
    const end = this.text.slice(start).search(/\r?\n|\r/);
    return { start, text: this.text.slice(start, end === -1 ? this.text.length : start + end) };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /**
   * The text with code, HTML comments and frontmatter blanked out (newlines kept), so that offsets
   * still match the source and word searches only ever see prose.
   */
  get prose(): string {
    this.maskedText ??= maskRanges(this.text, this.nonProse);
    return this.maskedText;
  }

  /** Where the prose is blanked, in order: with the text, all a worker need send back for `prose`. */
  get nonProse(): Array<[number, number]> {
    this.nonProseRanges ??= nonProseRanges(this.tree);
    return this.nonProseRanges;
  }

}

/** The point just past the end of `text` (CRLF, CR and LF each end a line, as in micromark). */
export function endPoint(text: string): Point {
  const lines = text.split(/\r\n|\r|\n/);
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: last.length + 1, offset: text.length };
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The alternative viewpoint CaseMark inserted: from a top-level `<!-- casemark-viewpoint -->` comment to the next
 * top-level `<!-- /casemark-viewpoint -->`. Only whole comments of the document count, never the words in code or
 * prose, and a start with no end is not a block: nothing of the writer's is ever taken for CaseMark's.
 */
export function generatedViewpoint(tree: Root): { start: number; end: number } | undefined {
  let start: number | undefined;
  for (const node of tree.children) {
    if (node.type !== 'html') continue;
    const value = node.value.trim();
    if (value === '<!-- casemark-viewpoint -->') start = node.position?.start.offset;
    else if (value === '<!-- /casemark-viewpoint -->' && start !== undefined) {
      const end = node.position?.end.offset;
      if (end !== undefined) return { start, end };
    }
  }
  return undefined;
}

function nonProseRanges(tree: Root): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (node: Nodes): void => {
    if (nonProse.has(node.type)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) ranges.push([start, end]);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  // A viewpoint CaseMark inserted quotes the notes back as questions: its words are not the writer's.
  const generated = generatedViewpoint(tree);
  if (generated) ranges.push([generated.start, generated.end]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The text with each of the ranges (sorted by start) blanked, its line endings kept. */
export function maskRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + text.slice(from, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/** Whether a position lies inside another (by offsets). */
export function within(inner: Position, outer: Position): boolean {
  const a = inner.start.offset ?? 0;
  const b = inner.end.offset ?? 0;
  return a >= (outer.start.offset ?? 0) && b <= (outer.end.offset ?? 0);
}
