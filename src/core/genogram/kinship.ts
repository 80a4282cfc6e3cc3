// Who each genogram person is to the child the case is about: "mother", "maternal grandmother", "half-brother".
// Rules use the plain role ("mother") to match hypotheses that say "mum"; shareable copies will use the relation.
import type { Genogram, GenogramPerson } from './types';

export interface Kin {
  /** One of the family words rules understand: mother, father, partner, grandmother, brother, child... */
  role?: string;
  /** The relation spelt out, relative to the index child: "mother's partner", "paternal grandfather". */
  relation?: string;
  age?: number;
  isChild: boolean;
}

function gendered(person: GenogramPerson | undefined, female: string, male: string, other: string): string {
  if (person?.gender === 'female') return female;
  if (person?.gender === 'male') return male;
  return other;
}

/** Age now, from the age given or the birth year and the case's year. */
export function ageOf(person: GenogramPerson, caseYear: number | undefined): number | undefined {
  if (person.age !== undefined) return person.age;
  if (person.born !== undefined && caseYear !== undefined && !person.deceased) {
    const age = caseYear - person.born;
    return age >= 0 && age < 130 ? age : undefined;
  }
  return undefined;
}

export function kinship(genogram: Genogram, caseYear?: number): Map<string, Kin> {
  const byKey = new Map(genogram.people.map((p) => [p.key, p] as const));
  const parentsOf = (key: string, step = false): string[] =>
    genogram.children.filter((c) => c.child === key && (c.kind === 'step') === step).flatMap((c) => c.parents);
  const childrenOf = (key: string): string[] => genogram.children.filter((c) => c.parents.includes(key)).map((c) => c.child);
  const partnersOf = (key: string): string[] =>
    genogram.unions.flatMap((u) => (u.partners[0] === key ? [u.partners[1]] : u.partners[1] === key ? [u.partners[0]] : []));
  const index = genogram.people.find((p) => p.index);
  const kin = new Map<string, Kin>();
  const set = (key: string, role: string, relation: string): void => {
    const entry = kin.get(key);
    if (entry && !entry.role) {
      entry.role = role;
      entry.relation = relation;
    }
  };
  for (const person of genogram.people) {
    const age = ageOf(person, caseYear);
    kin.set(person.key, { age, isChild: !person.pregnancy && (person.index || (age !== undefined && age < 18)) });
  }
  if (!index) return kin;
  set(index.key, 'child', 'child');
  const parents = parentsOf(index.key);
  for (const key of parents) {
    const link = genogram.children.find((c) => c.child === index.key && c.parents.includes(key));
    const person = byKey.get(key);
    if (link?.kind === 'fostered') set(key, 'carer', gendered(person, 'foster mother', 'foster father', 'foster carer'));
    else if (link?.kind === 'adopted') set(key, gendered(person, 'mother', 'father', 'parent'), gendered(person, 'adoptive mother', 'adoptive father', 'adoptive parent'));
    else set(key, gendered(person, 'mother', 'father', 'parent'), gendered(person, 'mother', 'father', 'parent'));
  }
  for (const key of parentsOf(index.key, true)) set(key, gendered(byKey.get(key), 'stepmother', 'stepfather', 'partner'), gendered(byKey.get(key), 'stepmother', 'stepfather', 'step-parent'));
  for (const parent of parents) {
    const parentWord = gendered(byKey.get(parent), 'mother', 'father', 'parent');
    const side = gendered(byKey.get(parent), 'maternal ', 'paternal ', '');
    for (const partner of partnersOf(parent)) set(partner, 'partner', `${parentWord}’s partner`);
    for (const grandparent of parentsOf(parent)) {
      const person = byKey.get(grandparent);
      set(grandparent, gendered(person, 'grandmother', 'grandfather', 'grandparent'), `${side}${gendered(person, 'grandmother', 'grandfather', 'grandparent')}`);
      for (const auntOrUncle of childrenOf(grandparent)) {
        if (parents.includes(auntOrUncle)) continue;
        const au = byKey.get(auntOrUncle);
        set(auntOrUncle, gendered(au, 'aunt', 'uncle', 'relative'), `${side}${gendered(au, 'aunt', 'uncle', 'aunt or uncle')}`);
      }
    }
  }
  // Brothers and sisters: any shared parent; half when not every parent is shared.
  const own = new Set(parents);
  const siblings = new Set(parents.flatMap(childrenOf).filter((k) => k !== index.key));
  for (const key of siblings) {
    const theirs = new Set(parentsOf(key));
    const full = theirs.size === own.size && [...own].every((p) => theirs.has(p));
    const person = byKey.get(key);
    const word = gendered(person, 'sister', 'brother', 'sibling');
    if (person?.pregnancy) set(key, 'baby', person.pregnancy === 'pregnancy' ? 'unborn sibling' : 'sibling (pregnancy loss)');
    else set(key, word, full ? word : `half-${word}`);
    // A brother or sister with no age, no partner and no child of their own is most likely a child too.
    const entry = kin.get(key);
    if (entry && entry.age === undefined && !person?.pregnancy && partnersOf(key).length === 0 && childrenOf(key).length === 0) entry.isChild = true;
  }
  for (const child of childrenOf(index.key)) set(child, 'child', 'child');
  return kin;
}
