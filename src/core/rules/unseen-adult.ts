import { ageText, describeRelation, kinship, relationBetween } from '../genogram/kinship';
import type { Genogram, GenogramPerson } from '../genogram/types';
import type { CaseModel } from '../model';
import { caseYear } from '../parse/diagrams';
import type { Rule } from '../rule';
import { findPhrases } from '../words';
import { nameParts, spanPosition, subjectsOf } from './shared';

/**
 * National reviews of serious incidents keep finding men in a child's home whom the assessment never
 * considered ("The Myth of Invisible Men", Child Safeguarding Practice Review Panel, 2021). This asks about
 * any adult who lives with a child and appears in no hypothesis: a question to bring, not a finding.
 */
export interface UnseenAdult {
  adult: GenogramPerson;
  /** The index child if they share the household, else its first child. */
  child: GenogramPerson;
  /**
   * Who the adult is, each part naming the child it is worded from ("Kai’s father’s partner and Leo’s mother");
   * undefined when no child has a plain word for them.
   */
  relation?: string;
  age?: number;
}

/** The genogram that says how people are related: the block itself, else the file's genogram that declares them. */
function familyOf(model: CaseModel, genogram: Genogram, key: string): Genogram | undefined {
  if (genogram.kind === 'genogram') return genogram;
  return model.diagrams.find((d) => d.genogram.kind === 'genogram' && d.genogram.people.some((p) => p.key === key && p.declared))?.genogram;
}

/**
 * The relation as a sentence can state it: from the named child, then from the household's other children where
 * their word differs ("Kai’s father’s partner and Leo’s mother"); from the index child, named, when the household's
 * children have no word for the adult.
 */
export function relationFor(model: CaseModel, genogram: Genogram, adult: string, child: string, others: readonly string[] = [], nameOf: (p: GenogramPerson) => string = (p) => p.name): string | undefined {
  const family = familyOf(model, genogram, adult);
  if (!family) return undefined;
  const terms = new Set<string>();
  const from = [child, ...others].filter((key) => {
    const term = relationBetween(family, key, adult)?.term;
    if (!term || terms.has(term)) return false;
    terms.add(term);
    return true;
  });
  const index = family.people.find((p) => p.index && !p.pregnancy);
  if (from.length === 0 && index) from.push(index.key);
  return describeRelation(family, adult, from, nameOf);
}

/** Adults in a child's household (genogram households, ecomap centres) that no hypothesis mentions. */
export function unseenAdults(model: CaseModel, text: string): UnseenAdult[] {
  if (model.hypotheses.length === 0) return [];
  // Most files have no household at all: then nothing below (which reads every person against every hypothesis) runs.
  if (!model.diagrams.some((d) => d.genogram.households.length > 0 || d.genogram.centre)) return [];
  const year = caseYear(model.frontmatter);
  const hypothesisText = model.hypotheses.map((h) => text.slice(h.position.start.offset ?? 0, h.position.end.offset ?? 0)).join('\n');
  let subjects: Set<string> | undefined;
  const subjectsNow = (): Set<string> => (subjects ??= new Set(model.hypotheses.flatMap((h) => [...subjectsOf(h, model.people)])));
  const found: UnseenAdult[] = [];
  const asked = new Set<string>();
  for (const diagram of model.diagrams) {
    const { genogram } = diagram;
    const kin = kinship(genogram, year);
    const byKey = new Map(genogram.people.map((p) => [p.key, p] as const));
    const homes = [...genogram.households.map((h) => h.members), ...(genogram.centre ? [genogram.centre.members] : [])];
    for (const members of homes) {
      const people = members.map((key) => byKey.get(key)).filter((p) => p !== undefined);
      const children = people.filter((p) => kin.get(p.key)?.isChild);
      if (children.length === 0) continue;
      const child = children.find((c) => c.index) ?? (children[0] as (typeof children)[number]);
      for (const adult of people) {
        const k = kin.get(adult.key);
        // The case is about the index person, whatever their age: they are never an adult no one has considered.
        if (!adult.declared || k?.isChild || adult.index || adult.pregnancy || adult.deceased || asked.has(adult.key)) continue;
        // The same person may be listed in the frontmatter under another name ("Sara" for "Sara Jones").
        const known = model.people.filter((p) => p.key === adult.key);
        const keys = [adult.name, ...known.map((p) => p.name)].map((n) => n.toLowerCase());
        // Names in their capitals: an adult called May is not mentioned by every "may".
        const names = [adult.name, ...nameParts(adult.name), ...known.flatMap((p) => [p.name, ...nameParts(p.name)])];
        if (keys.some((key) => subjectsNow().has(key)) || findPhrases(hypothesisText, names, 0, hypothesisText.length, true).length > 0) continue;
        asked.add(adult.key);
        // An ecomap has no parent lines: the relation then comes from the file's genogram.
        const others = children.filter((c) => c !== child).map((c) => c.key);
        found.push({ adult, child, relation: relationFor(model, genogram, adult.key, child.key, others, (p) => shortName(p.name)), age: k?.age ?? known[0]?.age });
      }
    }
  }
  return found;
}

/** A name as a message can carry it: a pasted paragraph in a name field must not flood the Problems panel. */
function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

export const unseenAdult: Rule = {
  id: 'unseen-adult',
  alias: 'invisible-adult',
  description: 'An adult in a child’s household (genogram household or ecomap centre) appears in no hypothesis.',
  rationale:
    'Reviews of serious cases keep finding adults, often men, who lived with a child but were never part of the assessment. Every adult in the home is part of the child’s daily life.',
  category: 'bias',
  defaultSeverity: 'warning',
  options: {},
  check({ model, source, report }) {
    for (const { adult, child, relation, age } of unseenAdults(model, source.text)) {
      const name = shortName(adult.name);
      const childName = shortName(child.name);
      const said = `${name} (${ageText(age)})${relation ? `, ${relation},` : ''}`;
      report({
        message: `${said} lives in ${childName}’s household but appears in no hypothesis. What part might ${name} play in ${childName}’s day-to-day life, and what would ${name} say about it if asked directly?`,
        at: spanPosition(source, adult.span),
      });
    }
  },
};
