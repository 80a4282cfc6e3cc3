// The key: one entry for every symbol, line and pattern the drawing uses, and nothing it does not.
import type { AbuseKind, ChildKind, EmotionKind, Gender, GenogramPerson, UnionEnd, UnionType } from '../types';
import { wrapText, type GenogramLayout, type Point, type SymbolShape } from '../layout';
import { arrowHead, crossMark, emotionWords, relationshipShapes, shapeElement, slashes } from './shapes';
import { el, line, type SvgElement } from './svg';

// ---------- the key ----------

export interface LegendEntry {
  id: string;
  text: string;
  glyph: (x: number, y: number) => SvgElement[];
}

export const LEGEND_CELL_W = 200;
export const LEGEND_CELL_H = 28;

export function legendGlyphPerson(shape: SymbolShape, opts: { index?: boolean; deceased?: boolean; placeholder?: boolean; gender?: Gender } = {}) {
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

export function legendLine(cls: string, extra?: (x: number, y: number) => SvgElement[]) {
  return (x: number, y: number): SvgElement[] => [line(x - 16, y, x + 16, y, cls), ...(extra ? extra(x, y) : [])];
}

export function legendRelationship(kind: EmotionKind, abuse?: AbuseKind, arrow = false) {
  return (x: number, y: number): SvgElement[] => {
    const pts: Point[] = [];
    for (let i = 0; i <= 12; i++) pts.push({ x: x - 17 + (34 * i) / 12, y });
    const out = relationshipShapes(pts, kind, abuse);
    if (arrow) out.push(arrowHead({ x: x + 18, y }, { x: x + 10, y }, `rel-arrow${kind === 'abuse' ? ` abuse-${abuse ?? 'physical'}` : ''}`, 7));
    return [el('g', { class: `relationship rel-${kind}${abuse ? ` abuse-${abuse}` : ''}` }, out)];
  };
}

export function buildLegend(layout: GenogramLayout): LegendEntry[] {
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
  // Ages as drawn: written ones, and those worked out from birth years when the case is dated.
  const ages = layout.people.some((p) => p.age !== undefined);
  const years = has((p) => p.born !== undefined || p.died !== undefined);
  if (years) {
    add('years', ages ? 'Age inside; b. birth year, d. year of death' : 'b. birth year (left), d. year of death (right)', (x, y) => [
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

export function legendElement(entries: LegendEntry[], x0: number, y0: number, width: number): { element: SvgElement; height: number } {
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
