// The typed case model: what a case analysis says, with every element's place in the source.
import type { Position } from 'unist';
import type { Genogram } from './genogram/types';

export type { Position };

export type SectionKind = 'dilemma' | 'hypotheses' | 'genogram' | 'ecomap' | 'viewpoint' | 'reflections' | 'plan';

export interface Section {
  /** Which CaseMark section this heading opens, or undefined for a heading CaseMark ignores. */
  kind: SectionKind | undefined;
  title: string;
  depth: number;
  heading: Position;
  /** From the heading to the last node before the next heading of the same or a higher level. */
  position: Position;
}

export interface TextSpan {
  text: string;
  position: Position;
}

export type EvidenceKind = 'for' | 'against';

export interface Evidence extends TextSpan {
  kind: EvidenceKind;
  source?: string;
  date?: string;
  /** A note that evidence was looked for and none found ("Against: none found yet, asked school"). */
  noneFound: boolean;
}

export const hypothesisStatuses = ['open', 'supported', 'weakened', 'set aside'] as const;
export type HypothesisStatus = (typeof hypothesisStatuses)[number];

export interface Hypothesis {
  /** "H1", "H2"... as written, or numbered by position when the writer gave none. */
  label: string;
  labelled: boolean;
  statement: TextSpan;
  evidenceFor: Evidence[];
  evidenceAgainst: Evidence[];
  tests: TextSpan[];
  /**
   * Keyword items written but not yet filled in ("- Test:" with nothing after it, as the new-case template has):
   * a place kept for the writer, neither a missing item nor content.
   */
  emptyItems: Array<{ kind: 'for' | 'against' | 'test' | 'about'; position: Position }>;
  status?: TextSpan & { value: HypothesisStatus | undefined };
  /** Names from `About:` items, as written. */
  about: TextSpan[];
  position: Position;
  /** Where a new keyword item goes, and with which indentation, for quick fixes. */
  insertAt: number;
  childIndent: string;
}

export interface Person {
  name: string;
  /** A genogram person's id (lower-cased), to find them in the diagram. */
  key?: string;
  role?: string;
  /** Who they are to the index child, spelt out ("maternal grandmother"), for genogram people. */
  relation?: string;
  age?: number;
  isChild: boolean;
  origin: 'frontmatter' | 'genogram';
  position?: Position;
}

export interface Frontmatter {
  present: boolean;
  data: Record<string, unknown>;
  position?: Position;
  version?: string | number;
  case?: string;
  author?: string;
  date?: string;
  exercise?: string;
  /** `shareable: true`: a copy made to share (CaseMark: Create Shareable Copy); identifying-detail is on. */
  shareable?: boolean;
}

/** A ```genogram or ```ecomap fenced block: drawn and validated by src/core/genogram. */
export interface Diagram {
  kind: 'genogram' | 'ecomap';
  source: string;
  /** The fenced code node, fence lines included: content line n is document line start.line + 1 + n. */
  position: Position;
  /** What the block says, with spans into the case file. */
  genogram: Genogram;
}

export interface CaseModel {
  path?: string;
  /** True when the file is a case analysis: named *.case.md or with `casemark:` in its frontmatter. */
  isCase: boolean;
  frontmatter: Frontmatter;
  sections: Section[];
  hypotheses: Hypothesis[];
  people: Person[];
  diagrams: Diagram[];
  /** The alternative viewpoint CaseMark inserted, between its markers, as offsets. */
  generatedViewpoint?: { start: number; end: number };
}
