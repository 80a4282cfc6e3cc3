// What a ```genogram or ```ecomap block says, as data: read by grammar.ts, checked by the genogram rules,
// laid out by layout.ts and drawn by draw.ts. See docs/genogram.md for the text form.

/**
 * Where a statement or a word is: `line` counts from 0 at the block's first content line; `start` and
 * `end` are offsets into the case file when the block's place is known (else into the block's text).
 */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export type Gender = 'female' | 'male' | 'other' | 'unknown';
/** A pregnancy drawn as its own symbol: still going, or ended. */
export type PregnancyKind = 'pregnancy' | 'miscarriage' | 'termination' | 'stillbirth';

export interface GenogramPerson {
  /** The id other lines use, lower-cased for lookups; `name` keeps the writer's spelling. */
  key: string;
  id: string;
  /** Display name: the quoted name, else the id as written. */
  name: string;
  gender: Gender;
  age?: number;
  born?: number;
  deceased: boolean;
  died?: number;
  /** The child the case is about (double outline). */
  index: boolean;
  pregnancy?: PregnancyKind;
  /** Free text shown on hover: culture, religion, language, migration... */
  notes: string[];
  /** False for someone only referred to, never declared: drawn as a placeholder so the drawing is never blank. */
  declared: boolean;
  span: Span;
}

export type UnionType = 'married' | 'cohabiting' | 'engaged' | 'partners';
export type UnionEnd = 'separated' | 'divorced' | 'widowed';

export interface GenogramUnion {
  /** Keys of the two partners, in the order written. */
  partners: [string, string];
  type: UnionType;
  end?: UnionEnd;
  from?: number;
  /** The year it ended (separation, divorce or widowhood), when given. */
  to?: number;
  /** Position among each partner's unions: lines are read in order, earliest first. */
  order: number;
  span: Span;
}

export type ChildKind = 'biological' | 'adopted' | 'fostered' | 'step';

export interface GenogramChild {
  child: string;
  /** Keys of one or two parents (more only in a block the rules report). */
  parents: string[];
  kind: ChildKind;
  /** Birth order among the parents' children when the writer gave one (1 = oldest). */
  order?: number;
  twin?: { group: string; identical: boolean };
  span: Span;
}

export type EmotionKind =
  | 'close'
  | 'fused'
  | 'distant'
  | 'conflictual'
  | 'hostile'
  | 'close-hostile'
  | 'fused-hostile'
  | 'cutoff'
  | 'cutoff-repaired'
  | 'abuse';
export type AbuseKind = 'physical' | 'emotional' | 'sexual' | 'neglect';
/** forward: from the first-named to the second; backward: the other way. */
export type Direction = 'none' | 'forward' | 'backward' | 'both';

export interface GenogramRelationship {
  from: string;
  to: string;
  kind: EmotionKind;
  abuse?: AbuseKind;
  direction: Direction;
  span: Span;
}

export interface GenogramHousehold {
  label?: string;
  members: string[];
  span: Span;
}

/** An ecomap system: school, GP, police, faith group... */
export interface EcomapSystem {
  key: string;
  id: string;
  name: string;
  notes: string[];
  declared: boolean;
  span: Span;
}

export type TieStrength = 'strong' | 'normal' | 'tenuous';

export interface EcomapTie {
  /** A person's key, a system's key, or `centre` for the family in the middle. */
  from: string;
  to: string;
  strength: TieStrength;
  stressful: boolean;
  /** Direction of energy and resources. */
  direction: Direction;
  span: Span;
}

export interface GenogramProblem {
  ruleId: string;
  message: string;
  span: Span;
  /** Text that would put the problem right in place of the span (the id a typo was probably meant to be). */
  replacement?: string;
}

export interface Genogram {
  kind: 'genogram' | 'ecomap';
  people: GenogramPerson[];
  unions: GenogramUnion[];
  children: GenogramChild[];
  relationships: GenogramRelationship[];
  households: GenogramHousehold[];
  /** Ecomap only. */
  systems: EcomapSystem[];
  ties: EcomapTie[];
  /** Ecomap only: the family in the centre circle. */
  centre?: { label?: string; members: string[]; span: Span };
  /** Where each line names a declared person by their id or name (not the person line itself): for hover and rename. */
  references?: Array<{ key: string; span: Span; /** As written, quotes removed. */ text: string }>;
  /** Found while reading: lines that cannot be read, duplicate ids, unknown people. */
  problems: GenogramProblem[];
  /** Offsets of each content line in the case file (or in the block), for spans and click-to-source. */
  lineStarts: number[];
}

export function personByKey(genogram: Genogram, key: string): GenogramPerson | undefined {
  return genogram.people.find((p) => p.key === key);
}
