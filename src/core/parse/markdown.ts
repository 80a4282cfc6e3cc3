// The one Markdown pipeline: remark-parse with YAML frontmatter. Frozen once; parsing is the hot path.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

export function parseMarkdown(text: string): Root {
  const tree = processor.parse(text);
  // micromark drops a leading byte order mark and counts from after it; count it back in, so that
  // node offsets (used for fixes and masking) index `text` and agree with SourceText's points.
  if (text.charCodeAt(0) === 0xfeff) {
    const shift = (point: Point): Point => ({ line: point.line, column: point.line === 1 ? point.column + 1 : point.column, offset: point.offset === undefined ? undefined : point.offset + 1 });
    visit(tree, (node) => {
      if (node.position) node.position = { start: shift(node.position.start), end: shift(node.position.end) };
    });
  }
  return tree;
}
