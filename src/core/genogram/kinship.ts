// Who one genogram person is to another ("Leo’s mother", "Kai’s father’s partner", "Ruth’s maternal great-grandmother"),
// and how old people are at the case's date. Every sentence CaseMark writes about a relation or an age (rules, hovers,
// the viewpoint, shareable copies) goes through these functions, so that one table of tests covers them all.
//
// Birth kinship is read from birth links only: a foster or adoptive link never turns a full sister into a half-sister.
// Where no plain word fits (a first cousin once removed, a foster carer's mother), there is no term: the name alone is
// better than a wrong word in a child's record.
import type { Gender, Genogram, GenogramPerson, GenogramUnion } from './types';

export interface Relation {
  /** The word `from` would use for `to`: "mother", "half-brother", "father’s partner", "maternal grandmother". */
  term: string;
  /** The plain family word hypotheses use, for matching "mum" or "gran": mother, partner, grandmother, sister... */
  role: string;
}

export interface Kin {
  /** The plain role, relative to the index child (see Relation.role). */
  role?: string;
  /** The relation spelt out, relative to the index child: "mother’s partner", "paternal grandfather". */
  relation?: string;
  age?: number;
  /** Under 18 at the case's date (or the index child with no age recorded); never the dead or a pregnancy. */
  isChild: boolean;
}

/** Age at the case's year: the age written, else the birth year's distance from it; none for the dead without an age. */
export function ageAt(person: GenogramPerson, caseYear: number | undefined): number | undefined {
  if (person.age !== undefined) return person.age;
  if (person.born !== undefined && caseYear !== undefined && !person.deceased) {
    const age = caseYear - person.born;
    return age >= 0 && age < 130 ? age : undefined;
  }
  return undefined;
}

/** The earlier name, kept for callers that only need a number. */
export const ageOf = ageAt;

/**
 * A child at the case's date: under 18 by age or birth year. With no age or year a person is "age not recorded", never
 * assumed to be a child, except the index child, whom the case is about. The dead and pregnancies are never children
 * to be heard or to be counted in a household.
 */
export function isChildAt(person: GenogramPerson, caseYear: number | undefined): boolean {
  if (person.pregnancy || person.deceased) return false;
  const age = ageAt(person, caseYear);
  if (age !== undefined) return age < 18;
  return person.index;
}

/** An age as messages write it: "8", "4 months", or "age not recorded". */
export function ageText(age: number | undefined): string {
  if (age === undefined) return 'age not recorded';
  if (age >= 1 || age === 0) return String(Math.floor(age));
  const months = Math.round(age * 12);
  return months >= 1 ? `${months} months` : `${Math.max(1, Math.round(age * 52))} weeks`;
}

function gendered(gender: Gender | undefined, female: string, male: string, other: string): string {
  return gender === 'female' ? female : gender === 'male' ? male : other;
}

/** Links read once per genogram: rules, hovers and the viewpoint ask about many pairs of the same family. */
class Family {
  readonly byKey = new Map<string, GenogramPerson>();
  private readonly parents = new Map<string, Map<string, Set<string>>>();
  private readonly childrenOf = new Map<string, Map<string, Set<string>>>();
  private readonly unionIndex = new Map<string, Array<{ partner: string; union: GenogramUnion }>>();
  // Kinship is asked for many pairs of one family (every person against the index child on each analysis): what each
  // person's ancestors and siblings are is worked out once.
  private readonly ancestorMemo = [new Map<string, Map<string, { depth: number; via: Set<string> }>>(), new Map<string, Map<string, { depth: number; via: Set<string> }>>()];
  private readonly siblingMemo = new Map<string, string[]>();

  constructor(readonly genogram: Genogram) {
    for (const person of genogram.people) this.byKey.set(person.key, person);
    for (const link of genogram.children) {
      if (!link.child) continue;
      for (const parent of link.parents) {
        if (!parent || parent === link.child) continue;
        add(this.parents, link.kind, link.child, parent);
        add(this.childrenOf, link.kind, parent, link.child);
      }
    }
    for (const union of genogram.unions) {
      const [a, b] = union.partners;
      if (!a || !b || a === b) continue;
      this.unionsOf(a).push({ partner: b, union });
      this.unionsOf(b).push({ partner: a, union });
    }
  }

  gender(key: string): Gender | undefined {
    return this.byKey.get(key)?.gender;
  }

  parentsOf(key: string, kind: string): string[] {
    return [...(this.parents.get(kind)?.get(key) ?? [])];
  }

  childrenOfKind(key: string, kind: string): string[] {
    return [...(this.childrenOf.get(kind)?.get(key) ?? [])];
  }

  /** Birth parents, and adoptive ones when `adoptive`: the lines birth kinship (or kinship by adoption) runs along. */
  upward(key: string, adoptive: boolean): string[] {
    return adoptive ? [...this.parentsOf(key, 'biological'), ...this.parentsOf(key, 'adopted')] : this.parentsOf(key, 'biological');
  }

  /** Every ancestor within four generations, with its distance and the parent each path first goes through. */
  ancestors(key: string, adoptive: boolean): ReadonlyMap<string, { depth: number; via: ReadonlySet<string> }> {
    const memo = this.ancestorMemo[adoptive ? 1 : 0] as Map<string, Map<string, { depth: number; via: Set<string> }>>;
    let found = memo.get(key);
    if (!found) memo.set(key, (found = this.climb(key, adoptive)));
    return found;
  }

  private climb(key: string, adoptive: boolean): Map<string, { depth: number; via: Set<string> }> {
    const found = new Map<string, { depth: number; via: Set<string> }>([[key, { depth: 0, via: new Set() }]]);
    let layer: Array<{ key: string; via?: string }> = [{ key }];
    for (let depth = 1; depth <= 4 && layer.length > 0; depth++) {
      const next: Array<{ key: string; via?: string }> = [];
      for (const { key: at, via } of layer) {
        for (const parent of this.upward(at, adoptive)) {
          const first = via ?? parent;
          const seen = found.get(parent);
          if (seen && seen.depth < depth) continue;
          if (seen) seen.via.add(first);
          else found.set(parent, { depth, via: new Set([first]) });
          next.push({ key: parent, via: first });
        }
      }
      layer = next;
    }
    return found;
  }

  /** Each union of a person, in the order written. */
  unionsOf(key: string): Array<{ partner: string; union: GenogramUnion }> {
    let list = this.unionIndex.get(key);
    if (!list) this.unionIndex.set(key, (list = []));
    return list;
  }

  /** The union between two people, the latest written when there are several. */
  unionBetween(a: string, b: string): GenogramUnion | undefined {
    return this.unionsOf(a).filter((u) => u.partner === b).pop()?.union;
  }

  /** Children by birth, adoption or a step link (not fostering), for in-law words. */
  children(key: string): string[] {
    return [...this.childrenOfKind(key, 'biological'), ...this.childrenOfKind(key, 'adopted'), ...this.childrenOfKind(key, 'step')];
  }

  /** Everyone who shares a birth or adoptive parent with `key`. */
  siblings(key: string): string[] {
    let found = this.siblingMemo.get(key);
    if (!found) {
      const all = new Set(this.upward(key, true).flatMap((p) => [...this.childrenOfKind(p, 'biological'), ...this.childrenOfKind(p, 'adopted')]));
      all.delete(key);
      this.siblingMemo.set(key, (found = [...all]));
    }
    return found;
  }
}

function add(index: Map<string, Map<string, Set<string>>>, kind: string, from: string, to: string): void {
  let byKind = index.get(kind);
  if (!byKind) index.set(kind, (byKind = new Map()));
  let set = byKind.get(from);
  if (!set) byKind.set(from, (set = new Set()));
  set.add(to);
}

const families = new WeakMap<Genogram, Family>();
function familyOf(genogram: Genogram): Family {
  let family = families.get(genogram);
  if (!family) families.set(genogram, (family = new Family(genogram)));
  return family;
}

const current = (union: GenogramUnion): boolean => union.end === undefined;
const married = (union: GenogramUnion): boolean => union.type === 'married' && current(union);
/** Partners whose children count as step-siblings: married or living together, and still together. */
const household = (union: GenogramUnion): boolean => (union.type === 'married' || union.type === 'cohabiting') && current(union);

function relation(term: string, role: string): Relation {
  return { term, role };
}

/** "maternal " through a mother, "paternal " through a father; nothing when the side is unknown or both. */
function sideOf(family: Family, via: ReadonlySet<string>): string {
  const sides = new Set([...via].map((key) => gendered(family.gender(key), 'maternal ', 'paternal ', '?')));
  const [side] = sides;
  return sides.size === 1 && side !== '?' ? (side as string) : '';
}

function greats(n: number): string {
  return n <= 0 ? '' : n === 1 ? 'great-' : 'great-great-';
}

/** A relation through common ancestors: u generations up from `from`, d down to `to`. */
function byDescent(family: Family, from: string, to: string, adoptive: boolean): Relation | undefined {
  const up = family.ancestors(from, adoptive);
  const down = family.ancestors(to, adoptive);
  // The nearest common ancestors; several at the same distance (both parents of two sisters) all give the side.
  let best: { u: number; d: number; via: Set<string> } | undefined;
  for (const [key, a] of up) {
    const b = down.get(key);
    if (!b) continue;
    if (!best || a.depth + b.depth < best.u + best.d) best = { u: a.depth, d: b.depth, via: new Set(a.via) };
    else if (a.depth === best.u && b.depth === best.d) a.via.forEach((v) => best?.via.add(v));
  }
  if (!best) return undefined;
  const g = family.gender(to);
  const { u, d } = best;
  const side = sideOf(family, best.via);
  if (d === 0) {
    if (u === 1) return relation(gendered(g, 'mother', 'father', 'parent'), gendered(g, 'mother', 'father', 'parent'));
    const word = gendered(g, 'grandmother', 'grandfather', 'grandparent');
    return u <= 4 ? relation(`${side}${greats(u - 2)}${word}`, word) : undefined;
  }
  if (u === 0) {
    if (d === 1) return relation(gendered(g, 'daughter', 'son', 'child'), 'child');
    return d <= 4 ? relation(`${greats(d - 2)}${gendered(g, 'granddaughter', 'grandson', 'grandchild')}`, 'grandchild') : undefined;
  }
  if (u === 1 && d === 1) {
    const word = gendered(g, 'sister', 'brother', 'sibling');
    const mine = new Set(family.upward(from, adoptive));
    const theirs = new Set(family.upward(to, adoptive));
    // Half only when each has a parent the other has not: with a parent unrecorded, "sister" is true and "half" may not be.
    const half = [...mine].some((p) => !theirs.has(p)) && [...theirs].some((p) => !mine.has(p));
    const twins = twinOf(family, from, to);
    return relation(half ? `half-${word}` : twins ? `twin ${word}` : word, word);
  }
  if (d === 1 && u <= 3) {
    const word = gendered(g, 'aunt', 'uncle', 'aunt or uncle');
    const role = gendered(g, 'aunt', 'uncle', 'relative');
    return relation(`${side}${greats(u - 2)}${word}`, role);
  }
  if (u === 1 && d <= 3) return relation(`${greats(d - 2)}${gendered(g, 'niece', 'nephew', 'niece or nephew')}`, 'relative');
  if (u === 2 && d === 2) return relation(`${side}cousin`, 'cousin');
  if (u === 3 && d === 3) return relation('second cousin', 'cousin');
  return undefined;
}

function twinOf(family: Family, a: string, b: string): boolean {
  const groups = new Set(family.genogram.children.filter((c) => c.child === a && c.twin).map((c) => c.twin?.group));
  return family.genogram.children.some((c) => c.child === b && c.twin && groups.has(c.twin.group));
}

function partnerTerm(family: Family, to: string, union: GenogramUnion): Relation {
  const g = family.gender(to);
  const late = family.byKey.get(to)?.deceased ?? false;
  if (union.type === 'married') {
    const word = gendered(g, 'wife', 'husband', 'spouse');
    if (late) return relation(`late ${word}`, 'partner');
    if (union.end === 'divorced') return relation(`former ${word}`, 'partner');
    // Separated but still married: "former partner" is true in both senses, "former wife" is not.
    if (union.end === 'separated') return relation('former partner', 'partner');
    return relation(word, 'partner');
  }
  if (late) return relation('late partner', 'partner');
  if (union.end === 'separated' || union.end === 'divorced') return relation('former partner', 'partner');
  return relation(union.type === 'engaged' ? gendered(g, 'fiancée', 'fiancé', 'fiancé(e)') : 'partner', 'partner');
}

/** The parent or child relation a foster, adoptive or step link names directly. */
function byLink(family: Family, from: string, to: string): Relation | undefined {
  const g = family.gender(to);
  if (family.parentsOf(from, 'adopted').includes(to)) return relation(gendered(g, 'adoptive mother', 'adoptive father', 'adoptive parent'), gendered(g, 'mother', 'father', 'parent'));
  if (family.childrenOfKind(from, 'adopted').includes(to)) return relation(gendered(g, 'adopted daughter', 'adopted son', 'adopted child'), 'child');
  if (family.parentsOf(from, 'fostered').includes(to)) return relation(gendered(g, 'foster mother', 'foster father', 'foster carer'), 'carer');
  if (family.childrenOfKind(from, 'fostered').includes(to)) return relation(gendered(g, 'foster daughter', 'foster son', 'foster child'), 'child');
  if (family.parentsOf(from, 'step').includes(to)) return relation(gendered(g, 'stepmother', 'stepfather', 'step-parent'), gendered(g, 'stepmother', 'stepfather', 'partner'));
  if (family.childrenOfKind(from, 'step').includes(to)) return relation(gendered(g, 'stepdaughter', 'stepson', 'stepchild'), 'child');
  return undefined;
}

/** Brothers and sisters by fostering or a step link (adoption is kinship by descent): sharing a carer or step-parent. */
function bySiblingLink(family: Family, from: string, to: string): Relation | undefined {
  const g = family.gender(to);
  const word = gendered(g, 'sister', 'brother', 'sibling');
  const carers = (key: string, kinds: string[]): Set<string> => new Set(kinds.flatMap((kind) => family.parentsOf(key, kind)));
  const shares = (kindsA: string[], kindsB: string[]): boolean => {
    const theirs = carers(to, kindsB);
    return [...carers(from, kindsA)].some((p) => theirs.has(p));
  };
  const all = ['biological', 'adopted', 'fostered', 'step'];
  if (shares(all, all) && (shares(['fostered'], all) || shares(all, ['fostered']))) return relation(`foster ${word}`, word);
  if (shares(all, all)) return relation(gendered(g, 'stepsister', 'stepbrother', 'stepsibling'), word);
  return undefined;
}

/** Partners of parents, step-siblings, in-laws and step-grandparents: relations through a union. */
function byUnion(family: Family, from: string, to: string): Relation | undefined {
  const g = family.gender(to);
  const parents = family.upward(from, true);
  const parentWord = (key: string): string => gendered(family.gender(key), 'mother', 'father', 'parent');
  // A parent's partner who is not a parent: a stepmother when married, else "father’s partner".
  for (const parent of parents) {
    const union = family.unionBetween(parent, to);
    if (!union || parents.includes(to)) continue;
    if (married(union)) return relation(gendered(g, 'stepmother', 'stepfather', 'step-parent'), gendered(g, 'stepmother', 'stepfather', 'partner'));
    return relation(`${parentWord(parent)}’s ${partnerTerm(family, to, union).term}`, 'partner');
  }
  // A wife's or husband's child is a stepchild; a partner's is "partner’s son".
  for (const { partner, union } of family.unionsOf(from)) {
    const theirs = family.upward(to, true);
    if (!current(union) || !theirs.includes(partner) || theirs.includes(from)) continue;
    if (married(union)) return relation(gendered(g, 'stepdaughter', 'stepson', 'stepchild'), 'child');
    return relation(`${partnerTerm(family, partner, union).term}’s ${gendered(g, 'daughter', 'son', 'child')}`, 'child');
  }
  // Step-siblings: children of a parent's wife, husband or partner at home, sharing no parent.
  const theirParents = family.upward(to, true);
  if (!theirParents.some((p) => parents.includes(p))) {
    for (const parent of parents) {
      for (const other of theirParents) {
        const union = family.unionBetween(parent, other);
        if (union && household(union)) return relation(gendered(g, 'stepsister', 'stepbrother', 'stepsibling'), gendered(g, 'sister', 'brother', 'sibling'));
      }
    }
  }
  const spouses = family.unionsOf(from).filter((u) => married(u.union)).map((u) => u.partner);
  const children = family.children(from);
  const siblings = (key: string): string[] => family.siblings(key);
  // In-laws: by marriage only; an unmarried partner is "son’s partner" or "sister’s partner".
  for (const child of children) {
    const union = family.unionBetween(child, to);
    if (!union || !current(union)) continue;
    if (married(union)) return relation(gendered(g, 'daughter-in-law', 'son-in-law', 'child-in-law'), 'relative');
    return relation(`${gendered(family.gender(child), 'daughter', 'son', 'child')}’s partner`, 'relative');
  }
  for (const spouse of spouses) {
    if (family.upward(spouse, true).includes(to)) return relation(gendered(g, 'mother-in-law', 'father-in-law', 'parent-in-law'), 'relative');
    if (siblings(spouse).includes(to)) return relation(gendered(g, 'sister-in-law', 'brother-in-law', 'sibling-in-law'), 'relative');
  }
  for (const sibling of siblings(from)) {
    const union = family.unionBetween(sibling, to);
    if (!union || !current(union)) continue;
    if (married(union)) return relation(gendered(g, 'sister-in-law', 'brother-in-law', 'sibling-in-law'), 'relative');
    return relation(`${gendered(family.gender(sibling), 'sister', 'brother', 'sibling')}’s partner`, 'relative');
  }
  // A grandparent's wife or husband who is not a grandparent: step-grandmother; a partner: "maternal grandmother’s partner".
  const grandparents = [...family.ancestors(from, false)].filter(([, a]) => a.depth === 2);
  if (!grandparents.some(([key]) => key === to)) {
    for (const [grandparent, a] of grandparents) {
      const union = family.unionBetween(grandparent, to);
      if (!union || !current(union)) continue;
      if (married(union)) return relation(gendered(g, 'step-grandmother', 'step-grandfather', 'step-grandparent'), gendered(g, 'grandmother', 'grandfather', 'relative'));
      const word = gendered(family.gender(grandparent), 'grandmother', 'grandfather', 'grandparent');
      return relation(`${sideOf(family, a.via)}${word}’s partner`, 'relative');
    }
  }
  return undefined;
}

/**
 * Who `to` is to `from`, in the word `from` would use ("Jo is Leo’s mother": relationBetween(g, 'leo', 'jo') gives
 * mother), or nothing when no plain word fits. Partners first, then birth kinship, then kinship by adoption, then
 * foster, step and in-law relations.
 */
export function relationBetween(genogram: Genogram, from: string, to: string): Relation | undefined {
  const family = familyOf(genogram);
  if (from === to || !family.byKey.has(from) || !family.byKey.has(to)) return undefined;
  const found = kinTerm(family, from, to);
  const pregnancy = family.byKey.get(to)?.pregnancy;
  if (!pregnancy) return found;
  // A pregnancy has no gender or age yet: "unborn sibling", "unborn child", or the loss as such; nothing else is plain.
  const whose = found?.role === 'child' ? 'child' : found && ['sister', 'brother', 'sibling'].includes(found.role) ? 'sibling' : undefined;
  if (!whose) return undefined;
  return relation(pregnancy === 'pregnancy' ? `unborn ${whose}` : `${whose} (pregnancy loss)`, 'baby');
}

function kinTerm(family: Family, from: string, to: string): Relation | undefined {
  const union = family.unionBetween(from, to);
  if (union) return partnerTerm(family, to, union);
  const birth = byDescent(family, from, to, false);
  if (birth) return birth;
  const direct = byLink(family, from, to);
  if (direct) return direct;
  const adoptive = byDescent(family, from, to, true);
  if (adoptive) {
    // Kinship through an adoption: the same words, said as such; the side of the family is left out.
    const term = adoptive.term.replace(/^(maternal|paternal) /, '');
    if (/^(mother|father|parent)$/.test(term)) return relation(`adoptive ${term}`, adoptive.role);
    if (/(daughter|son|child)$/.test(term)) return relation(`adopted ${term}`, adoptive.role);
    return relation(`adoptive ${term.replace(/^(half|twin)[- ]/, '')}`, adoptive.role);
  }
  return bySiblingLink(family, from, to) ?? byUnion(family, from, to);
}

/** "Leo’s mother": the term with the name of the person it is worded from. */
function possessive(name: string, term: string): string {
  return `${name}’s ${term}`;
}

/**
 * The relation of `person` to each of `from` who has a word for them, each with that person's name: "Leo’s mother",
 * or "Kai’s father’s partner and Leo’s mother". Nothing when none of them has a plain word.
 */
export function describeRelation(genogram: Genogram, person: string, from: readonly string[], nameOf: (p: GenogramPerson) => string = (p) => p.name): string | undefined {
  const family = familyOf(genogram);
  const parts: string[] = [];
  for (const key of new Set(from)) {
    const seen = family.byKey.get(key);
    const found = seen ? relationBetween(genogram, key, person) : undefined;
    if (seen && found) parts.push(possessive(nameOf(seen), found.term));
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Everyone's relation to the index child, their age at the case's year, and whether they are a child then. */
export function kinship(genogram: Genogram, caseYear?: number): Map<string, Kin> {
  const index = genogram.people.find((p) => p.index);
  const kin = new Map<string, Kin>();
  for (const person of genogram.people) {
    const entry: Kin = { age: ageAt(person, caseYear), isChild: isChildAt(person, caseYear) };
    if (index && person === index) {
      entry.role = 'child';
      entry.relation = 'child';
    } else if (index) {
      const found = relationBetween(genogram, index.key, person.key);
      if (found) {
        entry.role = found.role;
        entry.relation = found.term;
      }
    }
    kin.set(person.key, entry);
  }
  return kin;
}
