// The shapes drawn: symbols for people (McGoldrick's), the patterns of emotional lines, arrowheads, slashes.
import type { AbuseKind, EmotionKind, Gender, GenogramPerson } from '../types';
import { ageText, type PersonLayout, type Point, type SymbolShape } from '../layout';
import { el, labelText, line, pathOf, r1, type SvgElement } from './svg';

/** Tangents and normals of a polyline, for parallel lines and zigzags. */
export function normals(points: Point[]): Point[] {
  return points.map((_, i) => {
    const a = points[Math.max(0, i - 1)]!;
    const b = points[Math.min(points.length - 1, i + 1)]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    return { x: -dy / len, y: dx / len };
  });
}

export function offsetLine(points: Point[], d: number): Point[] {
  const ns = normals(points);
  return points.map((p, i) => ({ x: p.x + ns[i]!.x * d, y: p.y + ns[i]!.y * d }));
}

/** Resamples a polyline at equal steps along its length. */
export function resample(points: Point[], step: number): Array<{ p: Point; n: Point }> {
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

export function zigzag(points: Point[], amplitude: number, step: number): Point[] {
  const samples = resample(points, step);
  return samples.map((s, i) => {
    const d = i === 0 || i === samples.length - 1 ? 0 : i % 2 === 0 ? amplitude : -amplitude;
    return { x: s.p.x + s.n.x * d, y: s.p.y + s.n.y * d };
  });
}

export function pointAt(points: Point[], fraction: number): { p: Point; n: Point; t: Point } {
  const samples = resample(points, 2);
  const i = Math.min(samples.length - 1, Math.max(0, Math.round(fraction * (samples.length - 1))));
  const s = samples[i]!;
  return { p: s.p, n: s.n, t: { x: s.n.y, y: -s.n.x } };
}

export function arrowHead(tip: Point, from: Point, cls: string, size = 9): SvgElement {
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

export function shapeElement(shape: SymbolShape | 'square' | 'circle' | 'diamond', cx: number, cy: number, h: number, cls: string, gender?: Gender): SvgElement[] {
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

export function crossMark(shape: SymbolShape, cx: number, cy: number, h: number): SvgElement[] {
  const d = shape === 'circle' || shape === 'triangle' ? h * 0.72 : shape === 'diamond' ? h * 0.58 : h;
  const dy = shape === 'triangle' ? h * 0.1 : 0;
  return [line(cx - d, cy - d + dy, cx + d, cy + d + dy, 'deceased-mark'), line(cx - d, cy + d + dy, cx + d, cy - d + dy, 'deceased-mark')];
}

export function personTitle(p: GenogramPerson): string {
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

export function personGroup(p: PersonLayout, extraClass = ''): SvgElement {
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

export function slashes(at: Point, count: number): SvgElement[] {
  const out: SvgElement[] = [];
  for (let i = 0; i < count; i++) {
    const x = at.x + (i - (count - 1) / 2) * 5;
    out.push(line(x - 2.6, at.y + 6, x + 2.6, at.y - 6, 'union-mark'));
  }
  return out;
}

export function relationshipShapes(points: Point[], kind: EmotionKind, abuse: AbuseKind | undefined): SvgElement[] {
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

export const emotionWords: Record<EmotionKind, string> = {
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
