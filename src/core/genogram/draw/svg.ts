// SVG as data, and its one way out as text: every attribute and text escaped, no name that could open a hole.
import type { Label, Point } from '../layout';
import { genogramCss } from '../style';

/** An SVG element as data: the webview builds DOM from it (createElementNS, textContent), the CLI writes text. */
export interface SvgElement {
  tag: string;
  attrs: Record<string, string | number>;
  /** Strings are text nodes. */
  children: Array<SvgElement | string>;
}

// ---------- small helpers ----------

export const r1 = (v: number): number => Math.round(v * 10) / 10;

export function el(tag: string, attrs: Record<string, string | number | undefined> = {}, children: Array<SvgElement | string | undefined | false> = []): SvgElement {
  const clean: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) clean[k] = typeof v === 'number' ? r1(v) : v;
  return { tag, attrs: clean, children: children.filter((c): c is SvgElement | string => c !== undefined && c !== false) };
}

export function pathOf(points: Point[], close = false): string {
  if (!points.length) return '';
  const parts = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(p.x)} ${r1(p.y)}`);
  return parts.join(' ') + (close ? ' Z' : '');
}

export function line(x1: number, y1: number, x2: number, y2: number, cls: string): SvgElement {
  return el('line', { x1, y1, x2, y2, class: cls });
}

/** Multi-line text from a label's geometry. */
export function labelText(label: Label, cls: string): SvgElement {
  const anchor = label.anchor === 'middle' ? 'middle' : label.anchor === 'end' ? 'end' : 'start';
  if (label.lines.length <= 1) return el('text', { x: label.tx, y: label.ty, class: cls, 'text-anchor': anchor }, [label.lines[0] ?? '']);
  return el(
    'text',
    { x: label.tx, y: label.ty, class: cls, 'text-anchor': anchor },
    label.lines.map((l, i) => el('tspan', { x: label.tx, y: label.ty + i * label.lineHeight }, [l])),
  );
}

export const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const special = /[&<>"']/;
export function escapeXml(text: string): string {
  return special.test(text) ? text.replace(/[&<>"']/g, (c) => escapes[c] ?? c) : text;
}

export const validName = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

export function serialise(element: SvgElement): string {
  // Tag and attribute names come from this module, but a bad name must never open a hole.
  const tag = validName.test(element.tag) ? element.tag : 'g';
  let out = `<${tag}`;
  for (const k in element.attrs) {
    if (!validName.test(k)) continue;
    const v = element.attrs[k] as string | number;
    out += ` ${k}="${typeof v === 'number' ? String(v) : escapeXml(v)}"`;
  }
  out += '>';
  for (const c of element.children) out += typeof c === 'string' ? escapeXml(c) : serialise(c);
  return `${out}</${tag}>`;
}

/** SVG text with every attribute and text escaped; `standalone` adds the XML namespace and the style sheet. */
export function svgText(element: SvgElement, options: { standalone?: boolean } = {}): string {
  let root = element;
  if (options.standalone && element.tag === 'svg') {
    const width = element.attrs.width ?? '100%';
    const height = element.attrs.height ?? '100%';
    root = {
      tag: 'svg',
      attrs: { xmlns: 'http://www.w3.org/2000/svg', ...element.attrs },
      children: [el('style', {}, [genogramCss]), el('rect', { x: 0, y: 0, width, height, class: 'genogram-bg' }), ...element.children],
    };
  }
  return serialise(root);
}
