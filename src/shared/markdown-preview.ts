// The built-in Markdown preview draws ```genogram and ```ecomap fences as inline SVG (so an exported or printed
// preview keeps them); every other fence is left to the renderer before us. All text in the SVG is escaped by the
// core's svgText. Styles: markdown.previewStyles → dist/genogram.css, written by the build.
import { svgText, type SvgElement } from '../core/genogram/index';
import { blockTitles, drawBlocks, type DiagramKind, type DrawnBlock } from './diagrams';

// The few parts of markdown-it this plugin touches (VS Code hands us its own instance).
interface Token {
  type: string;
  info: string;
  content: string;
  map: [number, number] | null;
  meta: unknown;
}
type RenderRule = (tokens: Token[], idx: number, options: unknown, env: unknown, self: { renderToken(tokens: Token[], idx: number, options: unknown): string }) => string;
export interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: { tokens: Token[] }) => void): void } };
  renderer: { rules: Record<string, RenderRule | undefined> };
  utils: { escapeHtml(text: string): string };
}

interface DiagramMeta {
  casemarkDiagram: DrawnBlock;
  casemarkTitle: string;
}

function kindOf(info: string): DiagramKind | undefined {
  const lang = info.trim().split(/\s+/)[0]?.toLowerCase();
  return lang === 'genogram' || lang === 'ecomap' ? lang : undefined;
}

function fences(tokens: Token[]): Token[] {
  const found: Token[] = [];
  for (const token of tokens) if (token.type === 'fence' && kindOf(token.info)) found.push(token);
  return found;
}

export function extendMarkdownIt<T>(md: T): T {
  const it = md as unknown as MarkdownIt;
  // After block parsing the whole document's fences are known: draw them together, so that an ecomap
  // knows the people of the genograms (the fence renderer sees one fence at a time).
  it.core.ruler.push('casemark_diagrams', (state) => {
    const found = fences(state.tokens);
    if (found.length === 0) return;
    const blocks = found.map((t) => ({ kind: kindOf(t.info) as DiagramKind, source: t.content }));
    // A printed or exported preview must not carry notes hidden in tooltips.
    const drawn = drawBlocks(blocks, { notes: false });
    const titles = blockTitles(blocks);
    found.forEach((token, n) => {
      const meta: DiagramMeta = { casemarkDiagram: drawn[n] as DrawnBlock, casemarkTitle: titles[n] as string };
      token.meta = { ...(token.meta && typeof token.meta === 'object' ? token.meta : {}), ...meta };
    });
  });
  const fallback = it.renderer.rules.fence;
  it.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as Token;
    const meta = token.meta as Partial<DiagramMeta> | null;
    const drawing = meta?.casemarkDiagram?.drawing;
    if (!drawing) return fallback ? fallback(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    const kind = meta.casemarkDiagram?.kind ?? 'genogram';
    // code-line and data-line keep the preview's scroll in step with the editor.
    const line = token.map ? ` data-line="${token.map[0]}"` : '';
    const problems = meta.casemarkDiagram?.genogram.problems.length ?? 0;
    const note = problems > 0 ? `<p class="casemark-diagram-note">${it.utils.escapeHtml(`${problems} line${problems === 1 ? '' : 's'} of this ${kind} could not be read.`)}</p>` : '';
    // The drawing in words for screen readers (and a reader who opens it); every text escaped.
    const esc = it.utils.escapeHtml;
    const words = (drawing.text ?? []).map((s) => `<h4>${esc(s.heading)}</h4><ul>${s.items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`).join('');
    const text = words ? `<details class="casemark-text"><summary>Text version of the drawing</summary>${words}</details>` : '';
    return `<div class="casemark-diagram casemark-${kind} code-line"${line} role="figure" aria-label="${esc(meta.casemarkTitle ?? kind)}">${svgText(readable(drawing.svg, drawing.width))}${text}${note}</div>\n`;
  };
  return md;
}

/**
 * The drawing may shrink to the page, but not below the width at which its names (11 px) are 9 px: a bigger family
 * scrolls sideways in its block instead (the block has overflow-x: auto).
 */
function readable(svg: SvgElement, width: number): SvgElement {
  return { ...svg, attrs: { ...svg.attrs, style: `min-width: ${Math.ceil((width * 9) / 11)}px` } };
}
