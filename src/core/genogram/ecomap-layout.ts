// Ecomap layout (Hartman 1978): the family in a central circle, each member drawn inside it by symbol and name;
// systems (and people outside the household) evenly on a ring around it; ties as straight lines between edges.
import { FONT, textWidth, wrapText, ageText, type Label, type PersonLayout, type SymbolShape } from './layout';
import type { EcomapSystem, EcomapTie, Genogram, GenogramPerson } from './types';

export interface EcomapPerson extends PersonLayout {
  inCentre: boolean;
}

export interface EcomapSystemLayout {
  system: EcomapSystem;
  cx: number;
  cy: number;
  r: number;
  label: Label;
}

export interface EcomapTieLayout {
  tie: EcomapTie;
  fromName: string;
  toName: string;
  /** From the edge of one end to the edge of the other. */
  a: { x: number; y: number };
  b: { x: number; y: number };
}

export interface EcomapLayout {
  width: number;
  height: number;
  centre: { cx: number; cy: number; r: number; label: string; labelY: number; members: EcomapPerson[] };
  people: EcomapPerson[];
  systems: EcomapSystemLayout[];
  ties: EcomapTieLayout[];
  labels: Label[];
}

const SMALL = 14;
const CELL_W = 78;
const CELL_H = 64;
const SYSTEM_R = 44;

function shapeOf(p: GenogramPerson): SymbolShape {
  if (p.pregnancy === 'pregnancy') return 'triangle';
  if (p.pregnancy) return p.pregnancy;
  return p.gender === 'male' ? 'square' : p.gender === 'female' ? 'circle' : p.gender === 'other' ? 'other' : 'diamond';
}

function personAt(person: GenogramPerson, cx: number, cy: number, inCentre: boolean, labels: Label[]): EcomapPerson {
  const shape = shapeOf(person);
  const half = shape === 'triangle' ? 11 : shape === 'miscarriage' || shape === 'termination' || shape === 'stillbirth' ? 7 : SMALL;
  const outline = person.index ? 3 : 0;
  const lines = wrapText(person.name ?? person.key, CELL_W - 8, FONT.name, 2);
  const w = Math.max(0, ...lines.map((l) => textWidth(l, FONT.name)));
  const top = cy + SMALL + 4;
  const name: Label = { kind: 'name', lines, anchor: 'middle', tx: cx, ty: top + FONT.name, fontSize: FONT.name, lineHeight: 13, owner: person.key, x: cx - w / 2, y: top, width: w, height: lines.length * 13 };
  labels.push(name);
  const age = ageText(person.pregnancy ? undefined : person.age);
  const out: EcomapPerson = {
    key: person.key,
    person,
    row: 0,
    cx,
    cy,
    half,
    shape,
    symbol: { x: cx - half - outline, y: cy - half - outline, width: 2 * (half + outline), height: 2 * (half + outline) },
    name,
    inCentre,
  };
  if (age) {
    const aw = textWidth(age, 11);
    out.age = { kind: 'age', lines: [age], anchor: 'middle', tx: cx, ty: cy + 4, fontSize: 11, lineHeight: 12, owner: person.key, x: cx - aw / 2, y: cy - 6, width: aw, height: 12 };
  }
  return out;
}

/** Null when there is nothing at all to draw. */
export function layoutEcomap(genogram: Genogram): EcomapLayout | undefined {
  const people = new Map((genogram.people ?? []).filter((p) => p && typeof p.key === 'string').map((p) => [p.key, p] as const));
  const systems = new Map((genogram.systems ?? []).filter((s) => s && typeof s.key === 'string').map((s) => [s.key, s] as const));
  const ties = (genogram.ties ?? []).filter((t) => t && typeof t.from === 'string' && typeof t.to === 'string');
  const centreKeys = [...new Set((genogram.centre?.members ?? (genogram.people ?? []).map((p) => p.key)).filter((k) => typeof k === 'string' && k !== ''))];
  for (const k of centreKeys) {
    if (!people.has(k)) people.set(k, { key: k, id: k, name: k, gender: 'unknown', deceased: false, index: false, notes: [], declared: false, span: genogram.centre?.span ?? { line: 0, start: 0, end: 0 } });
  }
  // Tie ends that are neither the centre, a member, a person nor a system become undeclared systems.
  for (const t of ties) {
    for (const k of [t.from, t.to]) {
      if (k === 'centre' || people.has(k) || systems.has(k)) continue;
      systems.set(k, { key: k, id: k, name: k, notes: [], declared: false, span: t.span ?? { line: 0, start: 0, end: 0 } });
    }
  }
  const ringPeople = [...people.keys()].filter((k) => !centreKeys.includes(k));
  if (!centreKeys.length && !systems.size && !ringPeople.length) return undefined;
  const labels: Label[] = [];

  // The centre: a few members on an inner ring (so each can sit on the side of its own systems), many in a grid.
  const n = centreKeys.length;
  const centreLabel = genogram.centre?.label ?? 'Family';
  const labelWidth = textWidth(centreLabel, 12);
  const rel: Array<{ x: number; y: number }> = [];
  const memberAngle = new Map<string, number>();
  if (n === 1) rel.push({ x: 0, y: 4 });
  else if (n <= 8) {
    const ri = Math.max(CELL_W * 0.72, (n * CELL_W) / (2 * Math.PI) + 6);
    centreKeys.forEach((k, i) => {
      const angle = -Math.PI / 2 + ((i + 0.5) * 2 * Math.PI) / n;
      memberAngle.set(k, angle);
      rel.push({ x: ri * Math.cos(angle), y: ri * Math.sin(angle) + 6 });
    });
  } else {
    const columns = Math.ceil(Math.sqrt(n));
    const gridRows = Math.ceil(n / columns);
    centreKeys.forEach((_, i) => {
      const col = i % columns;
      const row = Math.floor(i / columns);
      const inRow = Math.min(columns, n - row * columns);
      rel.push({ x: (col - (inRow - 1) / 2) * CELL_W, y: (row - (gridRows - 1) / 2) * CELL_H + 10 });
    });
  }
  // Each member's footprint (symbol and two lines of name) relative to the centre.
  const footprints = rel.map((p) => ({ x: p.x - CELL_W / 2 + 4, y: p.y - SMALL - 4, width: CELL_W - 8, height: SMALL * 2 + 8 + 26 }));
  let centreR = 64;
  for (const f of footprints) for (const [x, y] of [[f.x, f.y], [f.x + f.width, f.y], [f.x, f.y + f.height], [f.x + f.width, f.y + f.height]] as Array<[number, number]>) centreR = Math.max(centreR, Math.hypot(x, y) + 6);
  centreR = Math.max(centreR, labelWidth / 2 + 30);
  // The family's name inside the top of the circle, where the circle is wide enough, clear of the members.
  let labelBaseline = 0;
  for (let tries = 0; tries < 40; tries++) {
    const half = labelWidth / 2 + 8;
    const depth = centreR - Math.sqrt(Math.max(0, centreR * centreR - half * half)) + 6;
    labelBaseline = -centreR + depth + 12;
    const box = { x: -labelWidth / 2, y: labelBaseline - 12, width: labelWidth, height: 15 };
    if (!footprints.some((f) => f.x < box.x + box.width && box.x < f.x + f.width && f.y < box.y + box.height && box.y < f.y + f.height)) break;
    centreR += 6;
  }

  // The ring: nodes evenly spaced, ring big enough that they do not touch.
  const ring: Array<{ kind: 'system'; system: EcomapSystem } | { kind: 'person'; person: GenogramPerson }> = [
    ...[...systems.values()].map((system) => ({ kind: 'system' as const, system })),
    ...ringPeople.map((k) => ({ kind: 'person' as const, person: people.get(k) as GenogramPerson })),
  ];
  const count = ring.length;
  const spacing = 2 * SYSTEM_R + 34;
  const ringR = count ? Math.max(centreR + SYSTEM_R + 80, (count * spacing) / (2 * Math.PI)) : centreR;
  const extent = ringR + (count ? SYSTEM_R + 10 : 0);
  const margin = 24;
  const cx = margin + extent;
  const cy = margin + extent;
  const width = 2 * (margin + extent);
  const height = 2 * (margin + extent);

  const members: EcomapPerson[] = centreKeys.map((k, i) => personAt(people.get(k) as GenogramPerson, cx + rel[i]!.x, cy + rel[i]!.y, true, labels));

  // Slots on the ring: a system tied to one member goes to the free slot nearest that member's side.
  const keyOf = (node: (typeof ring)[number]): string => (node.kind === 'system' ? node.system.key : node.person.key);
  const wanted = new Map<string, number>();
  for (const node of ring) {
    const key = keyOf(node);
    let sx = 0;
    let sy = 0;
    for (const t of ties) {
      const other = t.from === key ? t.to : t.to === key ? t.from : undefined;
      const angle = other !== undefined ? memberAngle.get(other) : undefined;
      if (angle === undefined) continue;
      sx += Math.cos(angle);
      sy += Math.sin(angle);
    }
    if (sx !== 0 || sy !== 0) wanted.set(key, Math.atan2(sy, sx));
  }
  const slotAngle = (j: number): number => -Math.PI / 2 + (2 * Math.PI * j) / Math.max(1, count);
  const angularDistance = (a: number, b: number): number => {
    const d = Math.abs(a - b) % (2 * Math.PI);
    return d > Math.PI ? 2 * Math.PI - d : d;
  };
  const slotOf = new Map<string, number>();
  const free = new Set(Array.from({ length: count }, (_, j) => j));
  for (const node of ring) {
    const want = wanted.get(keyOf(node));
    if (want === undefined) continue;
    let best = -1;
    for (const j of free) if (best === -1 || angularDistance(slotAngle(j), want) < angularDistance(slotAngle(best), want) - 1e-9) best = j;
    if (best >= 0) {
      slotOf.set(keyOf(node), best);
      free.delete(best);
    }
  }
  const rest = [...free].sort((x, y) => x - y);
  for (const node of ring) if (!slotOf.has(keyOf(node))) slotOf.set(keyOf(node), rest.shift() ?? 0);

  const systemsOut: EcomapSystemLayout[] = [];
  const ringPeopleOut: EcomapPerson[] = [];
  const nodeAt = new Map<string, { x: number; y: number; r: number }>();
  ring.forEach((node) => {
    const angle = slotAngle(slotOf.get(keyOf(node)) ?? 0);
    const x = Math.round((cx + ringR * Math.cos(angle)) * 10) / 10;
    const y = Math.round((cy + ringR * Math.sin(angle)) * 10) / 10;
    if (node.kind === 'system') {
      const lines = wrapText(node.system.name, 2 * SYSTEM_R - 12, FONT.name, 3);
      const w = Math.max(0, ...lines.map((l) => textWidth(l, FONT.name)));
      const h = lines.length * 13;
      const label: Label = { kind: 'name', lines, anchor: 'middle', tx: x, ty: y - h / 2 + 10, fontSize: FONT.name, lineHeight: 13, owner: node.system.key, x: x - w / 2, y: y - h / 2, width: w, height: h };
      labels.push(label);
      systemsOut.push({ system: node.system, cx: x, cy: y, r: SYSTEM_R, label });
      nodeAt.set(node.system.key, { x, y, r: SYSTEM_R + 2 });
    } else {
      const p = personAt(node.person, x, y - 8, false, labels);
      ringPeopleOut.push(p);
      nodeAt.set(node.person.key, { x, y: y - 8, r: p.half + 4 });
    }
  });
  for (const m of members) nodeAt.set(m.key, { x: m.cx, y: m.cy, r: m.half + 4 });

  const nameOf = (k: string): string => (k === 'centre' ? centreLabel : (people.get(k)?.name ?? systems.get(k)?.name ?? k));
  const tiesOut: EcomapTieLayout[] = [];
  for (const tie of ties) {
    // An end in the centre starts at the circle's edge, unless it is one member: then at that member.
    const end = (k: string): { x: number; y: number; r: number } => (k === 'centre' ? { x: cx, y: cy, r: centreR } : (nodeAt.get(k) ?? { x: cx, y: cy, r: centreR }));
    const A = end(tie.from);
    const B = end(tie.to);
    if (A === B || (A.x === B.x && A.y === B.y)) continue;
    const dx = B.x - A.x;
    const dy = B.y - A.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    // A member inside the circle reaches out through the circle's edge.
    const a = { x: A.x + ux * A.r, y: A.y + uy * A.r };
    const b = { x: B.x - ux * B.r, y: B.y - uy * B.r };
    tiesOut.push({ tie, fromName: nameOf(tie.from), toName: nameOf(tie.to), a: { x: Math.round(a.x * 10) / 10, y: Math.round(a.y * 10) / 10 }, b: { x: Math.round(b.x * 10) / 10, y: Math.round(b.y * 10) / 10 } });
  }
  return {
    width: Math.ceil(width),
    height: Math.ceil(height),
    centre: { cx, cy, r: centreR, label: centreLabel, labelY: cy + labelBaseline, members },
    people: [...members, ...ringPeopleOut],
    systems: systemsOut,
    ties: tiesOut,
    labels,
  };
}
