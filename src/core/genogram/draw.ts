// Draws a laid-out genogram or ecomap as an SVG element tree: data, not markup. The webview builds DOM from it
// (createElementNS, textContent), the CLI and the Markdown preview write it with svgText, which escapes every
// attribute and text. Colours and line patterns come only from class names and the style sheet in style.ts.
import { describeGenogram, type TextSection } from './describe';
import { layoutEcomap, type EcomapLayout } from './ecomap-layout';
import {
  ageText,
  layoutGenogram,
  textWidth,
  wrapText,
  type GenogramLayout,
  type Label,
  type LayoutOptions,
  type PersonLayout,
  type Point,
  type SymbolShape,
} from './layout';
import { genogramCss } from './style';
import type { AbuseKind, ChildKind, EmotionKind, Gender, Genogram, GenogramPerson, UnionEnd, UnionType } from './types';

/** An SVG element as data: the webview builds DOM from it (createElementNS, textContent), the CLI writes text. */
export interface SvgElement {
  tag: string;
  attrs: Record<string, string | number>;
  /** Strings are text nodes. */
  children: Array<SvgElement | string>;
}

export interface Drawing {
  kind: Genogram['kind'];
  svg: SvgElement;
  width: number;
  height: number;
  /** The geometry drawn (genograms), for tests and tools. */
  layout?: GenogramLayout;
  /** The genogram in words (who is who, couples, children, households, relationships): the screen reader's version. */
  text?: TextSection[];
  ecomap?: EcomapLayout;
}

export interface DrawOptions extends LayoutOptions {
  /** Draw the key of symbols used (default true). */
  legend?: boolean;
  /**
   * Put people's and systems' notes in the hover titles (default true). Exported files leave them out unless asked:
   * a note (religion, migration) hidden in a tooltip is easy to pass on without knowing.
   */
  notes?: boolean;
}

// ---------- small helpers ----------

const r1 = (v: number): number => Math.round(v * 10) / 10;

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

function line(x1: number, y1: number, x2: number, y2: number, cls: string): SvgElement {
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

/** Tangents and normals of a polyline, for parallel lines and zigzags. */
function normals(points: Point[]): Point[] {
  return points.map((_, i) => {
    const a = points[Math.max(0, i - 1)]!;
    const b = points[Math.min(points.length - 1, i + 1)]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    return { x: -dy / len, y: dx / len };
  });
}

function offsetLine(points: Point[], d: number): Point[] {
  const ns = normals(points);
  return points.map((p, i) => ({ x: p.x + ns[i]!.x * d, y: p.y + ns[i]!.y * d }));
}

/** Resamples a polyline at equal steps along its length. */
function resample(points: Point[], step: number): Array<{ p: Point; n: Point }> {
  const out: Array<{ p: Point; n: Point }> = [];
  const lengths = [0];
  for (let i = 1; i < points.length; i++) lengths.push(lengths[i - 1]! + Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y));
  const total = lengths[lengths.length - 1]!;
  // At most 600 points however long the line: very long lines get a coarser pattern.
  const count = Math.min(600, Math.max(2, Math.round(total / step)));
  let seg = 1;
  for (let k = 0; k <= count; k++) {
    const s = (total * k) / count;
    while (seg < points.length - 1 && lengths[seg]! < s) seg++;
    const a = points[seg - 1]!;
    const b = points[seg]!;
    const l0 = lengths[seg - 1]!;
    const l1 = lengths[seg]!;
    const t = l1 > l0 ? (s - l0) / (l1 - l0) : 0;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    out.push({ p: { x: a.x + dx * t, y: a.y + dy * t }, n: { x: -dy / len, y: dx / len } });
  }
  return out;
}

function zigzag(points: Point[], amplitude: number, step: number): Point[] {
  const samples = resample(points, step);
  return samples.map((s, i) => {
    const d = i === 0 || i === samples.length - 1 ? 0 : i % 2 === 0 ? amplitude : -amplitude;
    return { x: s.p.x + s.n.x * d, y: s.p.y + s.n.y * d };
  });
}

function pointAt(points: Point[], fraction: number): { p: Point; n: Point; t: Point } {
  const samples = resample(points, 2);
  const i = Math.min(samples.length - 1, Math.max(0, Math.round(fraction * (samples.length - 1))));
  const s = samples[i]!;
  return { p: s.p, n: s.n, t: { x: s.n.y, y: -s.n.x } };
}

function arrowHead(tip: Point, from: Point, cls: string, size = 9): SvgElement {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const base = { x: tip.x - ux * size, y: tip.y - uy * size };
  const w = size * 0.5;
  return el('path', { d: pathOf([tip, { x: base.x - uy * w, y: base.y + ux * w }, { x: base.x + uy * w, y: base.y - ux * w }], true), class: cls });
}

// ---------- symbols ----------

function shapeElement(shape: SymbolShape | 'square' | 'circle' | 'diamond', cx: number, cy: number, h: number, cls: string, gender?: Gender): SvgElement[] {
  switch (shape) {
    case 'square':
      return [el('rect', { x: cx - h, y: cy - h, width: 2 * h, height: 2 * h, class: cls })];
    case 'circle':
      return [el('circle', { cx, cy, r: h, class: cls })];
    case 'diamond': {
      const d = h * 1.12;
      return [el('path', { d: pathOf([{ x: cx, y: cy - d }, { x: cx + d, y: cy }, { x: cx, y: cy + d }, { x: cx - d, y: cy }], true), class: cls })];
    }
    case 'other':
      return [el('rect', { x: cx - h, y: cy - h, width: 2 * h, height: 2 * h, class: cls }), el('circle', { cx, cy, r: h * 0.68, class: `${cls} inner` })];
    case 'triangle':
      return [el('path', { d: pathOf([{ x: cx, y: cy - h }, { x: cx + h * 1.1, y: cy + h * 0.85 }, { x: cx - h * 1.1, y: cy + h * 0.85 }], true), class: cls })];
    case 'miscarriage':
      return [el('circle', { cx, cy, r: h * 0.75, class: `${cls} filled` })];
    case 'termination':
      return [line(cx - h, cy - h, cx + h, cy + h, 'mark'), line(cx - h, cy + h, cx + h, cy - h, 'mark')];
    case 'stillbirth': {
      const base = gender === 'male' ? 'square' : gender === 'female' ? 'circle' : 'diamond';
      return [...shapeElement(base, cx, cy, h, cls), ...crossMark(base, cx, cy, h)];
    }
  }
}

function crossMark(shape: SymbolShape, cx: number, cy: number, h: number): SvgElement[] {
  const d = shape === 'circle' || shape === 'triangle' ? h * 0.72 : shape === 'diamond' ? h * 0.58 : h;
  const dy = shape === 'triangle' ? h * 0.1 : 0;
  return [line(cx - d, cy - d + dy, cx + d, cy + d + dy, 'deceased-mark'), line(cx - d, cy + d + dy, cx + d, cy - d + dy, 'deceased-mark')];
}

function personTitle(p: GenogramPerson): string {
  const parts = [p.name || p.key];
  const age = ageText(p.age);
  if (age) parts.push(`age ${age}`);
  if (p.born !== undefined) parts.push(`born ${p.born}`);
  if (p.deceased) parts.push(p.died !== undefined ? `died ${p.died}` : 'deceased');
  if (p.pregnancy) parts.push(p.pregnancy);
  if (p.index) parts.push('the child the case is about');
  const lines = [parts.join(', ')];
  for (const n of p.notes ?? []) lines.push(n);
  if (!p.declared) lines.push('Not declared: add a person line for them.');
  return lines.join('\n');
}

function personGroup(p: PersonLayout, extraClass = ''): SvgElement {
  const person = p.person;
  const classes = ['person', `gender-${person.gender}`, `shape-${p.shape}`];
  if (person.index) classes.push('index');
  if (person.deceased) classes.push('deceased');
  if (!person.declared) classes.push('placeholder');
  if (person.pregnancy) classes.push(`pregnancy-${person.pregnancy}`);
  if (extraClass) classes.push(extraClass);
  const children: SvgElement[] = [el('title', {}, [personTitle(person)])];
  const symbolClass = person.declared ? 'symbol' : 'symbol placeholder-outline';
  if (person.index && p.shape !== 'termination') {
    const base = p.shape === 'other' ? 'square' : p.shape === 'stillbirth' ? (person.gender === 'male' ? 'square' : person.gender === 'female' ? 'circle' : 'diamond') : p.shape === 'miscarriage' ? 'circle' : p.shape;
    children.push(...shapeElement(base, p.cx, p.cy, p.half + 4, 'index-outline'));
  }
  children.push(...shapeElement(p.shape, p.cx, p.cy, p.half, symbolClass, person.gender));
  if (person.deceased && p.shape !== 'termination' && p.shape !== 'stillbirth' && p.shape !== 'miscarriage') children.push(...crossMark(p.shape, p.cx, p.cy, p.half));
  if (!person.declared) children.push(el('text', { x: p.cx, y: p.cy + 5, class: 'placeholder-mark', 'text-anchor': 'middle' }, ['?']));
  else if (p.age) children.push(labelText(p.age, 'age'));
  if (p.born) children.push(labelText(p.born, 'year born'));
  if (p.died) children.push(labelText(p.died, 'year died'));
  if (p.name) children.push(labelText(p.name, 'name'));
  return el('g', { class: classes.join(' '), 'data-key': person.key, 'data-line': person.span?.line ?? 0 }, children);
}

// ---------- lines between people ----------

function slashes(at: Point, count: number): SvgElement[] {
  const out: SvgElement[] = [];
  for (let i = 0; i < count; i++) {
    const x = at.x + (i - (count - 1) / 2) * 5;
    out.push(line(x - 2.6, at.y + 6, x + 2.6, at.y - 6, 'union-mark'));
  }
  return out;
}

function relationshipShapes(points: Point[], kind: EmotionKind, abuse: AbuseKind | undefined): SvgElement[] {
  const d = (ps: Point[], cls: string): SvgElement => el('path', { d: pathOf(ps), class: cls });
  switch (kind) {
    case 'close':
      return [d(offsetLine(points, -2.5), 'rel-line'), d(offsetLine(points, 2.5), 'rel-line')];
    case 'fused':
      return [d(offsetLine(points, -4), 'rel-line'), d(points, 'rel-line'), d(offsetLine(points, 4), 'rel-line')];
    case 'distant':
      return [d(points, 'rel-line dotted')];
    case 'conflictual':
      return [d(zigzag(points, 4, 5), 'rel-line')];
    case 'hostile':
      return [d(zigzag(points, 6, 6), 'rel-line heavy')];
    case 'close-hostile':
      return [d(offsetLine(points, -3.5), 'rel-line'), d(offsetLine(points, 3.5), 'rel-line'), d(zigzag(points, 7, 6), 'rel-line')];
    case 'fused-hostile':
      return [d(offsetLine(points, -5), 'rel-line'), d(points, 'rel-line'), d(offsetLine(points, 5), 'rel-line'), d(zigzag(points, 9, 7), 'rel-line')];
    case 'cutoff':
    case 'cutoff-repaired': {
      const mid = pointAt(points, 0.5);
      const out = [d(points, 'rel-line')];
      const ends: Point[] = [];
      for (const s of [-4, 4]) {
        const c = { x: mid.p.x + mid.t.x * s, y: mid.p.y + mid.t.y * s };
        out.push(line(c.x - mid.n.x * 8, c.y - mid.n.y * 8, c.x + mid.n.x * 8, c.y + mid.n.y * 8, 'rel-line'));
        ends.push({ x: c.x - mid.n.x * 8, y: c.y - mid.n.y * 8 });
      }
      if (kind === 'cutoff-repaired') {
        const [a, b] = ends as [Point, Point];
        const top = { x: mid.p.x - mid.n.x * 15, y: mid.p.y - mid.n.y * 15 };
        out.push(el('path', { d: `M${r1(a.x)} ${r1(a.y)} Q${r1(top.x)} ${r1(top.y)} ${r1(b.x)} ${r1(b.y)}`, class: 'rel-line bridge' }));
      }
      return out;
    }
    case 'abuse':
      return [d(points, `rel-line abuse abuse-${abuse ?? 'physical'}`)];
  }
  return [d(points, 'rel-line')];
}

const emotionWords: Record<EmotionKind, string> = {
  close: 'close',
  fused: 'fused (very close)',
  distant: 'distant',
  conflictual: 'conflictual',
  hostile: 'hostile',
  'close-hostile': 'close and hostile',
  'fused-hostile': 'fused and hostile',
  cutoff: 'cut off',
  'cutoff-repaired': 'cut off, repaired',
  abuse: 'abuse',
};

// ---------- the key ----------

interface LegendEntry {
  id: string;
  text: string;
  glyph: (x: number, y: number) => SvgElement[];
}

const LEGEND_CELL_W = 200;
const LEGEND_CELL_H = 28;

function legendGlyphPerson(shape: SymbolShape, opts: { index?: boolean; deceased?: boolean; placeholder?: boolean; gender?: Gender } = {}) {
  return (x: number, y: number): SvgElement[] => {
    const h = shape === 'miscarriage' || shape === 'termination' || shape === 'stillbirth' ? 6 : 9;
    const out: SvgElement[] = [];
    if (opts.index) out.push(...shapeElement(shape, x, y, h + 3, 'index-outline'));
    out.push(...shapeElement(shape, x, y, h, opts.placeholder ? 'symbol placeholder-outline' : 'symbol', opts.gender));
    if (opts.deceased) out.push(...crossMark(shape, x, y, h));
    if (opts.placeholder) out.push(el('text', { x, y: y + 4, class: 'placeholder-mark small', 'text-anchor': 'middle' }, ['?']));
    return [el('g', { class: `legend-glyph${opts.placeholder ? ' placeholder' : ''}` }, out)];
  };
}

function legendLine(cls: string, extra?: (x: number, y: number) => SvgElement[]) {
  return (x: number, y: number): SvgElement[] => [line(x - 16, y, x + 16, y, cls), ...(extra ? extra(x, y) : [])];
}

function legendRelationship(kind: EmotionKind, abuse?: AbuseKind, arrow = false) {
  return (x: number, y: number): SvgElement[] => {
    const pts: Point[] = [];
    for (let i = 0; i <= 12; i++) pts.push({ x: x - 17 + (34 * i) / 12, y });
    const out = relationshipShapes(pts, kind, abuse);
    if (arrow) out.push(arrowHead({ x: x + 18, y }, { x: x + 10, y }, `rel-arrow${kind === 'abuse' ? ` abuse-${abuse ?? 'physical'}` : ''}`, 7));
    return [el('g', { class: `relationship rel-${kind}${abuse ? ` abuse-${abuse}` : ''}` }, out)];
  };
}

function buildLegend(layout: GenogramLayout): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const add = (id: string, text: string, glyph: LegendEntry['glyph']): void => {
    if (!entries.some((e) => e.id === id)) entries.push({ id, text, glyph });
  };
  const people = layout.people.map((p) => p.person);
  const has = (f: (p: GenogramPerson) => boolean): boolean => people.some(f);
  if (has((p) => !p.pregnancy && p.gender === 'male')) add('male', 'Male', legendGlyphPerson('square'));
  if (has((p) => !p.pregnancy && p.gender === 'female')) add('female', 'Female', legendGlyphPerson('circle'));
  if (has((p) => !p.pregnancy && p.gender === 'other')) add('other', 'Another gender (non-binary, trans)', legendGlyphPerson('other'));
  if (has((p) => !p.pregnancy && p.gender === 'unknown' && p.declared)) add('unknown', 'Gender not known', legendGlyphPerson('diamond'));
  if (has((p) => !p.declared)) add('placeholder', 'Named but not declared', legendGlyphPerson('diamond', { placeholder: true }));
  if (has((p) => p.index)) add('index', 'Child the case is about', legendGlyphPerson('circle', { index: true }));
  if (has((p) => p.deceased)) add('deceased', 'Died', legendGlyphPerson('square', { deceased: true }));
  const ages = has((p) => p.age !== undefined && !p.pregnancy);
  const years = has((p) => p.born !== undefined || p.died !== undefined);
  if (years) {
    add('years', ages ? 'Age inside; born, died above' : 'Born (left), died (right)', (x, y) => [
      el('rect', { x: x - 8, y: y - 4, width: 16, height: 16, class: 'symbol' }),
      ...(ages ? [el('text', { x, y: y + 8, class: 'age small', 'text-anchor': 'middle' }, ['8'])] : []),
      el('text', { x: x - 1, y: y - 6, class: 'year small', 'text-anchor': 'end' }, ['b.']),
      el('text', { x: x + 1, y: y - 6, class: 'year small', 'text-anchor': 'start' }, ['d.']),
    ]);
  } else if (ages) {
    add('years', 'Age inside the symbol', (x, y) => [el('rect', { x: x - 9, y: y - 9, width: 18, height: 18, class: 'symbol' }), el('text', { x, y: y + 3.5, class: 'age small', 'text-anchor': 'middle' }, ['8'])]);
  }
  if (has((p) => p.pregnancy === 'pregnancy')) add('pregnancy', 'Pregnancy', legendGlyphPerson('triangle'));
  if (has((p) => p.pregnancy === 'miscarriage')) add('miscarriage', 'Miscarriage', legendGlyphPerson('miscarriage'));
  if (has((p) => p.pregnancy === 'termination')) add('termination', 'Termination', legendGlyphPerson('termination'));
  if (has((p) => p.pregnancy === 'stillbirth')) add('stillbirth', 'Stillbirth', legendGlyphPerson('stillbirth', { gender: 'unknown' }));
  const unionWords: Record<UnionType, string> = { married: 'Married', cohabiting: 'Living together', engaged: 'Engaged', partners: 'Partners (not living together, or not said)' };
  for (const type of ['married', 'cohabiting', 'engaged', 'partners'] as UnionType[]) {
    if (layout.unions.some((u) => u.type === type)) add(`union-${type}`, unionWords[type], legendLine(`union-line union-${type}`));
  }
  const endWords: Record<UnionEnd, string> = { separated: 'Separated (one slash)', divorced: 'Divorced (two slashes)', widowed: 'Widowed (wid. and year)' };
  for (const end of ['separated', 'divorced', 'widowed'] as UnionEnd[]) {
    if (!layout.unions.some((u) => u.end === end)) continue;
    if (end === 'widowed') add('widowed', endWords[end], (x, y) => [line(x - 16, y + 4, x + 16, y + 4, 'union-line union-married'), el('text', { x, y: y, class: 'union-label', 'text-anchor': 'middle' }, ['wid.'])]);
    else add(end, endWords[end], legendLine('union-line union-married', (x, y) => slashes({ x, y }, end === 'divorced' ? 2 : 1)));
  }
  const childWords: Record<ChildKind, string> = { biological: 'Birth child', adopted: 'Adopted child', fostered: 'Foster child', step: 'Step-child' };
  for (const kind of ['adopted', 'fostered', 'step'] as ChildKind[]) {
    if (layout.childLines.some((c) => c.kind === kind)) {
      add(`child-${kind}`, childWords[kind], (x, y) => [line(x, y - 10, x, y + 10, `child-line child-${kind}`), line(x - 10, y - 10, x + 10, y - 10, 'child-line')]);
    }
  }
  const twins = layout.childLines.filter((c) => c.twin);
  if (twins.some((c) => !c.twin?.identical)) add('twins', 'Twins', (x, y) => [line(x, y - 10, x - 8, y + 10, 'child-line'), line(x, y - 10, x + 8, y + 10, 'child-line')]);
  if (twins.some((c) => c.twin?.identical)) {
    add('twins-identical', 'Identical twins', (x, y) => [line(x, y - 10, x - 8, y + 10, 'child-line'), line(x, y - 10, x + 8, y + 10, 'child-line'), line(x - 4, y, x + 4, y, 'twin-bar')]);
  }
  const rels = layout.relationships.map((r) => r.relationship);
  for (const kind of Object.keys(emotionWords) as EmotionKind[]) {
    if (kind === 'abuse') continue;
    if (rels.some((r) => r.kind === kind)) add(`rel-${kind}`, emotionWords[kind][0]!.toUpperCase() + emotionWords[kind].slice(1), legendRelationship(kind));
  }
  for (const abuse of ['physical', 'emotional', 'sexual', 'neglect'] as AbuseKind[]) {
    if (rels.some((r) => r.kind === 'abuse' && (r.abuse ?? 'physical') === abuse)) {
      add(`abuse-${abuse}`, abuse === 'neglect' ? 'Neglect (arrow: towards whom)' : `${abuse[0]!.toUpperCase()}${abuse.slice(1)} abuse (arrow: towards whom)`, legendRelationship('abuse', abuse, true));
    }
  }
  if (rels.some((r) => r.kind !== 'abuse' && r.direction !== 'none')) {
    add('rel-direction', 'Arrow: who the feeling goes from and to', (x, y) => [line(x - 16, y, x + 10, y, 'rel-line'), arrowHead({ x: x + 17, y }, { x: x + 10, y }, 'rel-arrow', 7)]);
  }
  for (const h of layout.households) {
    const label = h.household.label ? `Household: ${h.household.label}` : 'Household (living together)';
    add(`household-${h.index}`, label, (x, y) => [el('rect', { x: x - 16, y: y - 9, width: 32, height: 18, rx: 7, class: `legend-household household-${h.index % 4}` })]);
  }
  return entries;
}

function legendElement(entries: LegendEntry[], x0: number, y0: number, width: number): { element: SvgElement; height: number } {
  const columns = Math.max(1, Math.floor(width / LEGEND_CELL_W));
  const children: SvgElement[] = [el('text', { x: x0, y: y0 + 12, class: 'legend-title' }, ['Key'])];
  entries.forEach((e, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    const gx = x0 + col * LEGEND_CELL_W + 20;
    const gy = y0 + 30 + row * LEGEND_CELL_H;
    const lines = wrapText(e.text, LEGEND_CELL_W - 52, 10, 2);
    children.push(
      el('g', { class: `legend-entry legend-${e.id}` }, [
        ...e.glyph(gx, gy),
        el(
          'text',
          { x: gx + 26, y: lines.length > 1 ? gy - 2 : gy + 3.5, class: 'legend-text' },
          lines.length > 1 ? lines.map((l, k) => el('tspan', { x: gx + 26, y: gy - 2 + k * 11 }, [l])) : [lines[0] ?? ''],
        ),
      ]),
    );
  });
  const rows = Math.ceil(entries.length / columns);
  const height = 30 + rows * LEGEND_CELL_H;
  return { element: el('g', { class: 'legend', role: 'list', 'aria-label': 'Key' }, [el('line', { x1: x0, y1: y0, x2: x0 + width, y2: y0, class: 'legend-rule' }), ...children]), height };
}

// ---------- genogram ----------

function emptyDrawing(kind: Genogram['kind']): Drawing {
  const width = 340;
  const height = 64;
  const example = kind === 'ecomap' ? 'family: sara, amy' : 'person amy female 8';
  const svg = el('svg', { class: `casemark-genogram casemark-${kind} empty`, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `Empty ${kind}: nothing to draw yet` }, [
    el('rect', { x: 1, y: 1, width: width - 2, height: height - 2, rx: 8, class: 'empty-frame' }),
    el('text', { x: width / 2, y: 28, class: 'empty-text', 'text-anchor': 'middle' }, [`Nothing to draw yet`]),
    el('text', { x: width / 2, y: 46, class: 'empty-hint', 'text-anchor': 'middle' }, [`Add a line such as: ${example}`]),
  ]);
  return { kind, svg, width, height };
}

function summary(layout: GenogramLayout): string {
  const people = layout.people.length;
  const rows = layout.rows.filter((r) => r.keys.length).length;
  const index = layout.people.find((p) => p.person.index);
  const couples = layout.unions.filter((u) => !u.implicit).length;
  const parts = [`Genogram of ${people} ${people === 1 ? 'person' : 'people'} over ${rows} ${rows === 1 ? 'generation' : 'generations'}`];
  if (index) parts.push(`the child the case is about is ${index.person.name}`);
  if (couples) parts.push(`${couples} ${couples === 1 ? 'couple' : 'couples'}`);
  if (layout.relationships.length) parts.push(`${layout.relationships.length} emotional ${layout.relationships.length === 1 ? 'relationship' : 'relationships'}`);
  if (layout.households.length) parts.push(`${layout.households.length} ${layout.households.length === 1 ? 'household' : 'households'}`);
  return `${parts.join('; ')}.`;
}

function drawGenogramLayout(genogram: Genogram, layout: GenogramLayout, options: DrawOptions): Drawing {
  const layers: SvgElement[] = [];
  // Households at the bottom: thick outline strokes, then the fill on top of them, so only the union's edge shows.
  const households: SvgElement[] = [];
  for (const h of layout.households) {
    const shapes = (kind: 'edge' | 'fill'): SvgElement[] => [
      ...h.blobs.map((b) => el('rect', { x: b.x, y: b.y, width: b.width, height: b.height, rx: 14, class: `hh-${kind}` })),
      ...h.bridges.map((b) => el('rect', { x: b.x, y: b.y, width: b.width, height: b.height, class: `hh-${kind}` })),
      ...h.connectors.map((c) => el('path', { d: pathOf(c), class: `hh-${kind} neck`, 'stroke-width': kind === 'edge' ? 2 * h.neck + 4 : 2 * h.neck })),
    ];
    const names = h.household.members.map((k) => layout.byKey.get(k)?.person.name ?? k).join(', ');
    households.push(
      el('g', { class: `household household-${h.index % 4}`, 'data-line': h.household.span?.line ?? 0 }, [
        el('title', {}, [`${h.household.label ? `Household “${h.household.label}”` : 'Household'}: ${names}`]),
        el('g', { class: 'hh-edges' }, shapes('edge')),
        el('g', { class: 'hh-fills' }, shapes('fill')),
        el('g', { class: 'hh-tint' }, shapes('fill')),
      ]),
    );
  }
  if (households.length) layers.push(el('g', { class: 'households' }, households));

  // Lines to children.
  const childLines: SvgElement[] = [];
  for (const s of layout.sibships) {
    const kind = s.secondary ? ` child-${s.kind ?? 'biological'} secondary` : '';
    const parts: SvgElement[] = [el('path', { d: pathOf(s.stem), class: `child-line stem${kind}` })];
    if (s.bar) parts.push(line(s.bar.x1, s.bar.y, s.bar.x2, s.bar.y, `child-line bar${kind}`));
    for (const [a, b] of s.twinBars) parts.push(line(a.x, a.y, b.x, b.y, 'twin-bar'));
    childLines.push(el('g', { class: s.secondary ? 'sibship secondary' : 'sibship', 'data-parents': s.parents.join(' '), 'data-children': s.children.join(' ') }, parts));
  }
  for (const c of layout.childLines) {
    childLines.push(el('path', { d: pathOf(c.path), class: `child-line child-${c.kind}${c.primary ? '' : ' secondary'}${c.twin ? ' twin' : ''}`, 'data-line': c.line, 'data-child': c.child }));
  }
  layers.push(el('g', { class: 'children' }, childLines));

  // Couples.
  const unions: SvgElement[] = [];
  for (const u of layout.unions) {
    const parts: SvgElement[] = [];
    const names = u.partners.map((k) => layout.byKey.get(k)?.person.name ?? k);
    const description = u.implicit ? `${names[0]} and ${names[1]}: parents together (no couple line written)` : `${names[0]} and ${names[1]}: ${u.type}${u.union?.from !== undefined ? ` ${u.union.from}` : ''}${u.end ? `, ${u.end}${u.union?.to !== undefined ? ` ${u.union.to}` : ''}` : ''}`;
    parts.push(el('title', {}, [description]));
    parts.push(el('path', { d: pathOf(u.path), class: `union-line union-${u.type}` }));
    if (u.end === 'separated') parts.push(...slashes(u.mark, 1));
    if (u.end === 'divorced') parts.push(...slashes(u.mark, 2));
    if (u.label) parts.push(labelText(u.label, 'union-label'));
    unions.push(el('g', { class: `union union-${u.type}${u.end ? ` union-${u.end}` : ''}${u.implicit ? ' implicit' : ''}`, 'data-line': u.union?.span?.line, 'data-partners': u.partners.join(' ') }, parts));
  }
  layers.push(el('g', { class: 'unions' }, unions));

  // Emotional relationships.
  const rels: SvgElement[] = [];
  for (const r of layout.relationships) {
    const rel = r.relationship;
    const from = layout.byKey.get(rel.from)?.person.name ?? rel.from;
    const to = layout.byKey.get(rel.to)?.person.name ?? rel.to;
    const word = rel.kind === 'abuse' ? `${rel.abuse ?? 'physical'} abuse` : emotionWords[rel.kind];
    const arrow = rel.direction === 'forward' ? `${from} → ${to}` : rel.direction === 'backward' ? `${to} → ${from}` : rel.direction === 'both' ? `${from} ↔ ${to}` : `${from} — ${to}`;
    const parts: SvgElement[] = [el('title', {}, [`${arrow}: ${word}`]), ...relationshipShapes(r.points, rel.kind, rel.abuse)];
    const arrowClass = `rel-arrow${rel.kind === 'abuse' ? ` abuse-${rel.abuse ?? 'physical'}` : ''}`;
    const pts = r.points;
    if (pts.length >= 2) {
      if (rel.direction === 'forward' || rel.direction === 'both') parts.push(arrowHead(pts[pts.length - 1]!, pts[pts.length - 3] ?? pts[0]!, arrowClass));
      if (rel.direction === 'backward' || rel.direction === 'both') parts.push(arrowHead(pts[0]!, pts[2] ?? pts[pts.length - 1]!, arrowClass));
    }
    rels.push(el('g', { class: `relationship rel-${rel.kind}${rel.abuse ? ` abuse-${rel.abuse}` : ''}`, 'data-line': rel.span?.line ?? 0, 'data-from': rel.from, 'data-to': rel.to, 'data-direction': rel.direction }, parts));
  }
  if (rels.length) layers.push(el('g', { class: 'relationships' }, rels));

  // People on top.
  layers.push(el('g', { class: 'people' }, layout.people.map((p) => personGroup(p))));

  let width = layout.width;
  let height = layout.height;
  let body: SvgElement[] = layers;
  if (options.legend !== false) {
    const entries = buildLegend(layout);
    if (entries.length) {
      width = Math.max(width, 2 * LEGEND_CELL_W + 48);
      // A narrow family is centred over a wider key.
      if (width > layout.width + 1) body = [el('g', { class: 'diagram', transform: `translate(${r1((width - layout.width) / 2)} 0)` }, layers)];
      const legend = legendElement(entries, 24, height, width - 48);
      body = [...body, legend.element];
      height += legend.height + 8;
    }
  }
  width = Math.ceil(width);
  height = Math.ceil(height);
  const svg = el('svg', { class: 'casemark-genogram casemark-genogram-kind-genogram', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': summary(layout) }, body);
  return { kind: 'genogram', svg, width, height, layout, text: describeGenogram(layout, { caseYear: options.caseYear }) };
}

// ---------- ecomap ----------

function drawEcomapLayout(genogram: Genogram, layout: EcomapLayout, options: DrawOptions): Drawing {
  const layers: SvgElement[] = [];
  const c = layout.centre;
  layers.push(
    el('g', { class: 'ecomap-centre', 'data-line': genogram.centre?.span?.line ?? 0 }, [
      el('title', {}, [`${c.label}: ${c.members.map((m) => m.person.name).join(', ') || 'no one listed yet'}`]),
      el('circle', { cx: c.cx, cy: c.cy, r: c.r, class: 'centre-circle' }),
      el('text', { x: c.cx, y: c.labelY, class: 'centre-label', 'text-anchor': 'middle' }, [c.label]),
    ]),
  );
  const ties: SvgElement[] = [];
  for (const t of layout.ties) {
    const tie = t.tie;
    const parts: SvgElement[] = [el('title', {}, [`${t.fromName} ${tie.direction === 'forward' ? '→' : tie.direction === 'backward' ? '←' : tie.direction === 'both' ? '↔' : '—'} ${t.toName}: ${tie.strength}${tie.stressful ? ', stressful' : ''}`])];
    const pts = [t.a, t.b];
    if (tie.strength === 'strong') {
      parts.push(el('path', { d: pathOf(offsetLine(pts, -2.5)), class: 'tie-line strong' }), el('path', { d: pathOf(pts), class: 'tie-line strong' }), el('path', { d: pathOf(offsetLine(pts, 2.5)), class: 'tie-line strong' }));
    } else {
      parts.push(el('path', { d: pathOf(pts), class: `tie-line ${tie.strength}` }));
    }
    if (tie.stressful) {
      const samples = resample(pts, 9);
      for (let i = 2; i < samples.length - 2; i++) {
        const s = samples[i]!;
        const tx = s.n.y;
        const ty = -s.n.x;
        parts.push(line(s.p.x - s.n.x * 7 - tx * 3, s.p.y - s.n.y * 7 - ty * 3, s.p.x + s.n.x * 7 + tx * 3, s.p.y + s.n.y * 7 + ty * 3, 'tie-hatch'));
      }
    }
    if (tie.direction === 'forward' || tie.direction === 'both') parts.push(arrowHead(t.b, t.a, 'tie-arrow', 11));
    if (tie.direction === 'backward' || tie.direction === 'both') parts.push(arrowHead(t.a, t.b, 'tie-arrow', 11));
    ties.push(el('g', { class: `tie tie-${tie.strength}${tie.stressful ? ' tie-stressful' : ''}`, 'data-line': tie.span?.line ?? 0 }, parts));
  }
  layers.push(el('g', { class: 'ties' }, ties));
  const nodes: SvgElement[] = [];
  for (const s of layout.systems) {
    const children: SvgElement[] = [el('title', {}, [[s.system.name, ...s.system.notes, ...(s.system.declared ? [] : [])].join('\n')]), el('circle', { cx: s.cx, cy: s.cy, r: s.r, class: `system-circle${s.system.declared ? '' : ' undeclared'}` })];
    children.push(labelText(s.label, 'system-name'));
    nodes.push(el('g', { class: 'system', 'data-key': s.system.key, 'data-line': s.system.span?.line ?? 0 }, children));
  }
  for (const p of layout.people) nodes.push(personGroup(p, p.inCentre ? 'in-centre' : 'on-ring'));
  layers.push(el('g', { class: 'nodes' }, nodes));

  let width = layout.width;
  let height = layout.height;
  if (options.legend !== false && layout.ties.length) {
    const entries: LegendEntry[] = [];
    const used = (f: (t: EcomapLayout['ties'][number]['tie']) => boolean): boolean => layout.ties.some((t) => f(t.tie));
    if (used((t) => t.strength === 'strong')) entries.push({ id: 'tie-strong', text: 'Strong tie', glyph: (x, y) => [-2.5, 0, 2.5].map((d) => line(x - 16, y + d, x + 16, y + d, 'tie-line strong')) });
    if (used((t) => t.strength === 'normal')) entries.push({ id: 'tie-normal', text: 'Tie', glyph: (x, y) => [line(x - 16, y, x + 16, y, 'tie-line normal')] });
    if (used((t) => t.strength === 'tenuous')) entries.push({ id: 'tie-tenuous', text: 'Tenuous tie', glyph: (x, y) => [line(x - 16, y, x + 16, y, 'tie-line tenuous')] });
    if (used((t) => t.stressful)) entries.push({ id: 'tie-stressful', text: 'Stressful', glyph: (x, y) => [line(x - 16, y, x + 16, y, 'tie-line normal'), ...[-8, 0, 8].map((d) => line(x + d - 3, y + 7, x + d + 3, y - 7, 'tie-hatch'))] });
    if (used((t) => t.direction !== 'none')) entries.push({ id: 'tie-arrow', text: 'Arrow: flow of energy or resources', glyph: (x, y) => [line(x - 16, y, x + 8, y, 'tie-line normal'), arrowHead({ x: x + 17, y }, { x: x + 8, y }, 'tie-arrow', 9)] });
    const legend = legendElement(entries, 24, height, Math.max(width - 48, 2 * LEGEND_CELL_W));
    width = Math.max(width, 2 * LEGEND_CELL_W + 48);
    layers.push(legend.element);
    height += legend.height + 8;
  }
  width = Math.ceil(width);
  height = Math.ceil(height);
  const label = `Ecomap: ${c.label} (${c.members.length} ${c.members.length === 1 ? 'person' : 'people'}) and ${layout.systems.length} ${layout.systems.length === 1 ? 'system' : 'systems'}; ${layout.ties.length} ${layout.ties.length === 1 ? 'tie' : 'ties'}.`;
  const svg = el('svg', { class: 'casemark-genogram casemark-genogram-kind-ecomap', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label }, layers);
  return { kind: 'ecomap', svg, width, height, ecomap: layout };
}

// ---------- entry points ----------

export function drawGenogram(input: Genogram, options: DrawOptions = {}): Drawing {
  const genogram =
    options.notes === false && input
      ? { ...input, people: input.people.map((p) => ({ ...p, notes: [] })), systems: input.systems.map((s) => ({ ...s, notes: [] })) }
      : input;
  const kind = genogram?.kind === 'ecomap' ? 'ecomap' : 'genogram';
  if (kind === 'ecomap') {
    const layout = layoutEcomap(genogram);
    if (!layout) return emptyDrawing('ecomap');
    return drawEcomapLayout(genogram, layout, options);
  }
  if (!genogram?.people?.length && !genogram?.unions?.length && !genogram?.children?.length) return emptyDrawing('genogram');
  const layout = layoutGenogram(genogram, options);
  if (!layout.people.length) return emptyDrawing('genogram');
  return drawGenogramLayout(genogram, layout, options);
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const special = /[&<>"']/;
export function escapeXml(text: string): string {
  return special.test(text) ? text.replace(/[&<>"']/g, (c) => escapes[c] ?? c) : text;
}

const validName = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

function serialise(element: SvgElement): string {
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

/** Text width estimate, re-exported for callers sizing containers. */
export { textWidth };
