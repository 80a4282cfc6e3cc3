// Re-parsing after an edit: only the changed top-level blocks (or the one changed list item), spliced into
// the previous tree. Every shortcut is verified against the block boundary after it, else a full parse.
import type { List, ListItem, Nodes, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { endPoint, lineStart } from '../text/source';
import { parseMarkdown, shift, windowProcessor } from './markdown';

export type ReparseKind = 'full' | 'blocks' | 'item';

export interface Reparse {
  tree: Root;
  kind: ReparseKind;
}

function start(node: { position?: Position }): number {
  return node.position?.start.offset ?? 0;
}

function end(node: { position?: Position }): number {
  return node.position?.end.offset ?? 0;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function hasDefinition(node: Nodes): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
  return 'children' in node && node.children.some((c) => hasDefinition(c as Nodes));
}

export class IncrementalParser {
  private text: string | undefined;
  private tree: Root | undefined;
  /** Link reference definitions resolve across the whole document: any at all, and we parse in full. */
  private definitions = false;

  /** Parse `text`, reusing the previous tree where the edit allows. The previous tree is changed in place; `between` runs between the parts of a full parse. */
  parse(text: string, between?: () => void): Reparse {
    const previous = this.text;
    const tree = this.tree;
    let result: Reparse | undefined;
    if (previous !== undefined && tree && !this.definitions) {
      if (previous === text) result = { tree, kind: 'item' };
      else result = this.reparse(previous, text, tree);
    }
    if (!result) {
      const full = parseMarkdown(text, between);
      this.definitions = hasDefinition(full);
      result = { tree: full, kind: 'full' };
    }
    this.text = text;
    this.tree = result.tree;
    return result;
  }

  /** Forget the previous text: the next parse is a full one. */
  reset(): void {
    this.text = undefined;
    this.tree = undefined;
    this.definitions = false;
  }

  private reparse(old: string, text: string, tree: Root): Reparse | undefined {
    const max = Math.min(old.length, text.length);
    let prefix = 0;
    while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    const oldEnd = old.length - suffix;
    const newEnd = text.length - suffix;
    const delta = text.length - old.length;
    const children = tree.children;
    // Frontmatter, CR line endings and the very start are rare places to type in a long file: parse in full.
    if (children[0]?.type === 'yaml' && prefix <= end(children[0]) + 1) return undefined;
    // An opening fence with no frontmatter yet: a `---` typed anywhere below could close it.
    if (children[0]?.type !== 'yaml' && (text.startsWith('---') || old.startsWith('---'))) return undefined;
    if (old.includes('\r') || text.includes('\r') || prefix === 0) return undefined;

    const touching = children.map((c, i) => [c, i] as const).filter(([c]) => start(c) <= oldEnd && end(c) >= prefix);
    const only = touching.length === 1 ? touching[0] : undefined;
    if (only && only[0].type === 'list') {
      const item = this.reparseItem(old, text, tree, only[0], only[1], prefix, oldEnd, newEnd, delta);
      if (item) return item;
    }
    return this.reparseBlocks(old, text, tree, prefix, oldEnd, delta);
  }

  private reparseItem(
    old: string,
    text: string,
    tree: Root,
    list: List,
    listIndex: number,
    prefix: number,
    oldEnd: number,
    newEnd: number,
    delta: number,
  ): Reparse | undefined {
    const k = list.children.findIndex((item) => start(item) < prefix && oldEnd <= end(item));
    const item = list.children[k];
    if (!item) return undefined;
    // Blank lines decide looseness and item boundaries: an edit that adds or removes a line break, or
    // touches a blank line, goes the block way.
    if (old.slice(prefix, oldEnd).includes('\n') || text.slice(prefix, newEnd).includes('\n')) return undefined;
    const editedLine = (t: string, from: number) => t.slice(lineStart(t, from), (t.indexOf('\n', from) + 1 || t.length + 1) - 1);
    if (!editedLine(old, prefix).trim() || !editedLine(text, prefix).trim()) return undefined;
    if (list.ordered && k === 0) return undefined;

    // The next item proves the parse came back into step (an unclosed fence can reach past its item).
    const next = list.children[k + 1];
    if (!next) return undefined;
    const windowStart = lineStart(text, start(item));
    const windowEnd = end(next) + delta;
    const parsed = windowProcessor.parse(text.slice(windowStart, windowEnd));
    const newList = parsed.children[0];
    if (parsed.children.length !== 1 || newList?.type !== 'list' || newList.children.length !== 2) return undefined;
    if (newList.ordered !== list.ordered) return undefined;
    const firstLine = (item.position?.start.line ?? 1) - 1;
    for (const node of newList.children) shift(node, firstLine, windowStart);
    const [newItem, newNext] = newList.children as [ListItem, ListItem];
    if (start(newItem) !== start(item) || start(newNext) !== start(next) + delta || end(newNext) !== windowEnd) return undefined;
    // Same marker as its list ("-" stays "-", "1." stays "1."), or the list would split.
    const marker = (t: string, at: number) => (list.ordered ? t.slice(at).match(/^\d+([.)])/)?.[1] : t[at]);
    if (marker(text, start(newItem)) !== marker(old, start(list.children[0] as ListItem))) return undefined;
    if (newItem.spread !== item.spread || newNext.spread !== next.spread) return undefined;

    list.children.splice(k, 2, newItem, newNext);
    for (const later of list.children.slice(k + 2)) shift(later, 0, delta);
    list.position = { start: list.position!.start, end: { ...list.position!.end, offset: end(list) + delta } };
    if (k + 2 === list.children.length) list.position.end = { ...newNext.position!.end };
    for (const later of tree.children.slice(listIndex + 1)) shift(later, 0, delta);
    tree.position = { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) };
    return { tree, kind: 'item' };
  }

  private reparseBlocks(old: string, text: string, tree: Root, prefix: number, oldEnd: number, delta: number): Reparse | undefined {
    const children = tree.children;
    let first = children.findIndex((c) => end(c) >= prefix);
    if (first === -1) first = children.length;
    let last = first;
    while (last < children.length && start(children[last] as RootContent) <= oldEnd) last++;
    // One unchanged block either side: the one before may absorb the edit (a setext underline, a lazy
    // line), and the one after proves the parse came back into step.
    const from = Math.max(0, first - 1);
    const after = children[last];
    if (from === 0 && children[0]?.type === 'yaml') return undefined;
    const windowStart = from < children.length ? lineStart(old, Math.min(start(children[from] as RootContent), prefix)) : lineStart(old, prefix);
    if (windowStart === 0) return undefined;
    const windowOldEnd = after ? end(after) : old.length;
    const windowNewEnd = after ? windowOldEnd + delta : text.length;
    const parsed = windowProcessor.parse(text.slice(windowStart, windowNewEnd));
    if (hasDefinition(parsed)) return undefined;
    const startLine = lineOf(text, windowStart) - 1;
    for (const node of parsed.children) shift(node, startLine, windowStart);
    const before = from < first ? children[from] : undefined;
    if (before && JSON.stringify(parsed.children[0]) !== JSON.stringify(before)) return undefined;
    if (after) {
      const closing = parsed.children[parsed.children.length - 1];
      if (!closing || closing.type !== after.type || start(closing) !== start(after) + delta || end(closing) !== windowNewEnd) return undefined;
    }
    const lines = countNewlines(text, prefix, prefix + (oldEnd - prefix) + delta) - countNewlines(old, prefix, oldEnd);
    const keepUntil = after ? last + 1 : children.length;
    for (const later of children.slice(keepUntil)) shift(later, lines, delta);
    children.splice(from, keepUntil - from, ...parsed.children);
    tree.position = { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) };
    return { tree, kind: 'blocks' };
  }
}
