// Automatic genogram layout, a pipeline of small modules in layout/: model (people, unions, sibships in birth
// order) → generations (partner chains as units on rows) → ordering (crossing sweeps, then a repair pass so nobody
// stands inside a sibship they do not belong to) → placement (x by weighted isotonic regression) → assemble
// (rows, tracks, couple lines, bars and child lines) → relationships (emotional lines routed round symbols) and
// households. Pure, deterministic and bounded: any Genogram the grammar can produce (cycles, 3+ parents,
// self-unions, undeclared people) lays out without throwing. See docs/genogram.md for the design note.
export type { Point, Box } from './layout/geometry';
export { boxesOverlap, segmentHitsBox, boundsOf } from './layout/geometry';
export { FONT, EM_PER_CHAR, textWidth, wrapText } from './layout/text';
export type {
  LabelKind,
  Label,
  SymbolShape,
  PersonLayout,
  UnionLayout,
  ChildLineLayout,
  SibshipLayout,
  RelationshipLayout,
  HouseholdLayout,
  GenogramLayout,
  LayoutOptions,
} from './layout/types';
export { ageText, isotonicWithGaps } from './layout/placement';
export { layoutGenogram } from './layout/assemble';
