// The layout's output: what draw.ts turns into SVG and what the tests check.
import type { ChildKind, GenogramHousehold, GenogramPerson, GenogramRelationship, GenogramUnion, UnionEnd, UnionType } from '../types';
import { type Box, type Point } from './geometry';

// ---------- the layout's output ----------

export type LabelKind = 'name' | 'born' | 'died' | 'age' | 'union';

export interface Label extends Box {
  kind: LabelKind;
  lines: string[];
  anchor: 'start' | 'middle' | 'end';
  /** Where the text is drawn: anchor x and the first line's baseline. */
  tx: number;
  ty: number;
  fontSize: number;
  lineHeight: number;
  /** The person key, or the union id. */
  owner: string;
}

export type SymbolShape = 'square' | 'circle' | 'diamond' | 'other' | 'triangle' | 'miscarriage' | 'termination' | 'stillbirth';

export interface PersonLayout {
  key: string;
  person: GenogramPerson;
  row: number;
  cx: number;
  cy: number;
  /** Half the symbol's size. */
  half: number;
  shape: SymbolShape;
  /** The symbol with its index outline. */
  symbol: Box;
  name?: Label;
  born?: Label;
  died?: Label;
  /** Inside the symbol. */
  age?: Label;
}

export interface UnionLayout {
  id: string;
  partners: [string, string];
  union?: GenogramUnion;
  /** Two parents of a child with no union line written: drawn as unspecified partners. */
  implicit: boolean;
  type: UnionType;
  end?: UnionEnd;
  /** Partners side by side (a straight line between the symbols) or not (a line below the row). */
  adjacent: boolean;
  path: Point[];
  /** Where lines to the children start. */
  drop: Point;
  /** Centre of the separation or divorce slashes. */
  mark: Point;
  label?: Label;
}

export interface ChildLineLayout {
  child: string;
  kind: ChildKind;
  primary: boolean;
  path: Point[];
  twin?: { group: string; identical: boolean };
  line?: number;
}

export interface SibshipLayout {
  id: string;
  /** The union or the single parent the children hang from. */
  unionId?: string;
  parent?: string;
  /** From the drop point down to the bar and along it. */
  stem: Point[];
  bar?: { x1: number; x2: number; y: number };
  /** Bars joining identical twins' lines. */
  twinBars: Array<[Point, Point]>;
  /** Keys of the children hanging from this bar, oldest first. */
  children: string[];
  /** Keys of the parents: the union's two partners, or the single parent. */
  parents: string[];
  /** Step, adoptive or foster links drawn besides the children's birth lines share one bar of their kind. */
  kind?: ChildKind;
  secondary?: boolean;
}

export interface RelationshipLayout {
  relationship: GenogramRelationship;
  /** The curve, sampled, from the edge of `from`'s symbol to the edge of `to`'s. */
  points: Point[];
}

export interface HouseholdLayout {
  household: GenogramHousehold;
  index: number;
  /** One padded box per member and the connectors joining them. */
  blobs: Box[];
  /** Fills between neighbours on one row, so that they read as one outline. */
  bridges: Box[];
  connectors: Point[][];
  /** Half the connectors' thickness. */
  neck: number;
}

export interface GenogramLayout {
  width: number;
  height: number;
  people: PersonLayout[];
  byKey: Map<string, PersonLayout>;
  unions: UnionLayout[];
  sibships: SibshipLayout[];
  childLines: ChildLineLayout[];
  relationships: RelationshipLayout[];
  households: HouseholdLayout[];
  rows: Array<{ top: number; cy: number; bottom: number; keys: string[] }>;
  /** Every text label (names, years, ages, union labels) for overlap checks. */
  labels: Label[];
}

export interface LayoutOptions {
  /**
   * The year the case is written in (its frontmatter date): orders siblings given by age against those given by
   * birth year, and draws the age of living people given only a birth year inside their symbols.
   */
  caseYear?: number;
}
