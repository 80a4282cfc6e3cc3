// Test data: the hand-written fixture families, and seeded random families written in the genogram text form
// for geometry tests and the benchmark (valid only: children younger than parents, no one their own ancestor).
import { readFileSync, readdirSync } from 'node:fs';
import { parseDiagram } from '../../../src/core/genogram/grammar';
import type { Genogram } from '../../../src/core/genogram/types';

export const fixtures = new URL('../../fixtures/genogram/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8');
}

/** The fixture families: *.genogram and *.ecomap, each with a golden *.svg. */
export function fixtureNames(): string[] {
  return readdirSync(fixtures).filter((f) => f.endsWith('.genogram') || f.endsWith('.ecomap')).sort();
}

/** mulberry32: small, fast, good enough, and the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const femaleNames = ['Sara', 'Amy', 'Priya', 'Maya', 'Grace', 'Chloe', 'Aisha', 'Zofia', 'Ruth', 'Lena', 'Nia', 'Ola'];
const maleNames = ['Dan', 'Leo', 'Tom', 'Kofi', 'Ryan', 'Jamal', 'Piotr', 'Sam', 'Alfie', 'Omar', 'Ben', 'Ade'];
const surnames = ['Jones', 'Khan', 'Nowak', 'Okafor', 'Smith', 'Walsh', 'Evans', 'Ahmed', 'Montgomery-Fotheringham'];
const emotions = ['close', 'fused', 'distant', 'conflictual', 'hostile', 'close hostile', 'fused hostile', 'cut-off', 'cut-off repaired'];
const abuses = ['physical', 'emotional', 'sexual', 'neglect'];

interface Person {
  id: string;
  gender: 'female' | 'male' | 'other' | 'unknown';
  gen: number;
  age: number;
  unions: number;
}

export interface GeneratedFamily {
  text: string;
  genogram: Genogram;
}

/**
 * About `size` people over several generations: couples with children, second partners and half-siblings,
 * step-, adopted and foster children, twins, losses, emotional lines and households (`extras`).
 */
export function generateFamily(seed: number, size: number, options: { extras?: boolean } = {}): GeneratedFamily {
  const extras = options.extras ?? true;
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const chance = (p: number): boolean => rnd() < p;
  const lines: string[] = [`# generated family, seed ${seed}, about ${size} people`];
  const people: Person[] = [];
  const person = (gen: number, age: number, gender?: Person['gender']): Person => {
    const g = gender ?? (chance(0.03) ? 'other' : chance(0.02) ? 'unknown' : chance(0.5) ? 'female' : 'male');
    const p: Person = { id: `p${people.length + 1}`, gender: g, gen, age: Math.max(0, Math.round(age)), unions: 0 };
    people.push(p);
    const first = g === 'female' ? pick(femaleNames) : g === 'male' ? pick(maleNames) : pick([...femaleNames, ...maleNames]);
    const name = chance(0.3) ? `${first} ${pick(surnames)}` : first;
    const words = [`person ${p.id} "${name}" ${g} ${p.age}`];
    if (p.age > 70 && chance(0.4)) words.push(`died ${2024 - Math.floor(rnd() * 10)}`);
    if (chance(0.05)) words.push('note: speaks Polish at home');
    lines.push(words.join(' '));
    return p;
  };
  const unionQueue: Array<{ a: Person; b: Person }> = [];
  const couple = (a: Person, b: Person, type?: string): void => {
    a.unions++;
    b.unions++;
    const year = Math.min(2024, 2024 - Math.min(a.age, b.age) + 18 + Math.floor(rnd() * 5));
    const kind = type ?? pick(['married', 'married', 'cohabiting', 'engaged', 'partners']);
    const end = chance(0.25) ? ` ${pick(['separated', 'divorced'])} ${Math.min(2024, year + 1 + Math.floor(rnd() * 6))}` : '';
    lines.push(`${a.id} + ${b.id} ${kind} ${year}${end}`);
    unionQueue.push({ a, b });
  };
  const founders = 1 + Math.floor(size / 80);
  for (let f = 0; f < founders; f++) {
    const a = person(0, 70 + rnd() * 15, 'male');
    const b = person(0, 68 + rnd() * 15, 'female');
    couple(a, b, 'married');
  }
  let index: Person | undefined;
  const stepCandidates: Array<{ children: Person[]; parent: Person }> = [];
  for (let q = 0; people.length < size; q++) {
    if (q >= unionQueue.length) {
      // Out of couples: a single adult finds a partner, or a new family joins by marriage.
      const single = people.find((p) => p.age >= 20 && p.unions === 0 && p.gender !== 'unknown');
      if (single) couple(single, person(single.gen, single.age + (rnd() * 6 - 3), single.gender === 'female' ? 'male' : 'female'));
      else couple(person(0, 70 + rnd() * 15, 'male'), person(0, 68 + rnd() * 15, 'female'), 'married');
    }
    const { a, b } = unionQueue[q] as { a: Person; b: Person };
    const younger = Math.min(a.age, b.age);
    if (younger < 20) continue;
    const count = Math.min(size - people.length, younger < 26 ? 1 + Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 5));
    const kids: Person[] = [];
    let age = younger - 20 - rnd() * 5;
    for (let k = 0; k < count && age >= 0; k++) {
      if (chance(0.08) && count - k >= 2 && people.length + 2 <= size) {
        const t1 = person(a.gen + 1, age);
        const t2 = person(a.gen + 1, age, chance(0.5) ? t1.gender : undefined);
        lines.push(`twins ${t1.id} ${t2.id} of ${a.id} + ${b.id}${chance(0.4) && t1.gender === t2.gender ? ' identical' : ''}`);
        kids.push(t1, t2);
        k++;
      } else {
        const c = person(a.gen + 1, age);
        const kind = chance(0.05) ? 'adopted child' : chance(0.04) ? 'fostered child' : 'child';
        lines.push(`${c.id} ${kind} of ${a.id} + ${b.id}`);
        kids.push(c);
      }
      age -= 1 + rnd() * 4;
    }
    if (extras && chance(0.05) && people.length < size) {
      const loss = people.length + 1;
      lines.push(`person p${loss} ${pick(['miscarriage', 'termination', 'stillbirth', 'pregnancy'])}`);
      people.push({ id: `p${loss}`, gender: 'unknown', gen: a.gen + 1, age: 0, unions: 0 });
      lines.push(`p${loss} child of ${a.id} + ${b.id}`);
    }
    stepCandidates.push({ children: kids, parent: a }, { children: kids, parent: b });
    if (!index && a.gen >= 1) index = kids.find((k) => k.age < 18);
    // Grown-up children find partners; some have a second one (half-siblings, step-children).
    for (const c of kids) {
      if (c.age < 20 || people.length >= size) continue;
      if (chance(0.85)) {
        const partner = person(c.gen, c.age + (rnd() * 8 - 4), c.gender === 'female' ? 'male' : 'female');
        couple(c, partner);
        if (chance(0.25) && people.length < size) {
          const second = person(c.gen, c.age + (rnd() * 8 - 6), c.gender === 'female' ? 'male' : 'female');
          couple(c, second, pick(['cohabiting', 'married', 'partners']));
        }
      }
    }
  }
  // Step-children: a parent's later partner.
  for (const { children, parent } of stepCandidates) {
    if (!children.length || !chance(0.15)) continue;
    const partners = lines.filter((l) => l.startsWith(`${parent.id} + `)).map((l) => l.split(' ')[2] as string);
    if (partners.length < 2) continue;
    const step = partners[partners.length - 1] as string;
    const kids = children.filter((k) => !lines.some((l) => l.startsWith(`${k.id} `) && l.includes(`of ${parent.id} + ${step}`)));
    if (kids.length) lines.push(`${kids.map((k) => k.id).join(', ')} step-children of ${step}`);
  }
  if (index) {
    const at = lines.findIndex((l) => l.startsWith(`person ${index?.id} `));
    lines[at] = `${lines[at]} index`;
  }
  if (extras) {
    const relCount = Math.max(1, Math.floor(people.length / 12));
    for (let r = 0; r < relCount; r++) {
      const a = pick(people);
      const b = pick(people);
      if (a === b) continue;
      if (chance(0.2)) lines.push(`${a.id} -> ${b.id} abuse ${pick(abuses)}`);
      else lines.push(`${a.id} ${chance(0.3) ? '->' : '--'} ${b.id} ${pick(emotions)}`);
    }
    const households = 1 + Math.floor(people.length / 60);
    for (let h = 0; h < households && h < unionQueue.length; h++) {
      const { a, b } = unionQueue[Math.floor(rnd() * unionQueue.length)] as { a: Person; b: Person };
      const kids = lines.filter((l) => /^p\d+ (adopted |fostered )?child of /.test(l) && l.endsWith(`of ${a.id} + ${b.id}`)).map((l) => l.split(' ')[0] as string);
      lines.push(`household "Home ${h + 1}": ${[a.id, b.id, ...kids].join(', ')}`);
    }
  }
  const text = `${lines.join('\n')}\n`;
  return { text, genogram: parseDiagram('genogram', text) };
}
