// Draws a laid-out genogram or ecomap as an SVG element tree: data, not markup. The webview builds DOM from it
// (createElementNS, textContent), the CLI and the Markdown preview write it with svgText, which escapes every
// attribute and text. Colours and line patterns come only from class names and the style sheet in style.ts.
import { describeGenogram, type TextSection } from './describe';
import { layoutEcomap, type EcomapLayout } from './ecomap-layout';
import type { Genogram } from './types';
import { layoutGenogram, type GenogramLayout, type LayoutOptions } from './layout';
import { LEGEND_CELL_W, buildLegend, legendElement, type LegendEntry } from './draw/legend';
import { arrowHead, emotionWords, offsetLine, personGroup, relationshipShapes, resample, slashes } from './draw/shapes';
import { el, labelText, line, pathOf, r1, type SvgElement } from './draw/svg';

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

export { el, pathOf, labelText, escapeXml, svgText, type SvgElement } from './draw/svg';
/** Text width estimate, re-exported for callers sizing containers. */
export { textWidth } from './layout';
