// The typed case model: what a case analysis says, with every element's place in the source.
import type { Position } from 'unist';
import type { Genogram } from '../genogram/types';

export type { Position };

/** A text edit by offsets into the case file: replace [start, end) with text. */
export interface Fix {
  start: number;
  end: number;
  text: string;
  /**
   * The same edit as a VS Code snippet (`${1:placeholder}`), for an editor that can put the cursor on what the
   * writer still has to fill in; `text` is what the snippet leaves when nothing is typed.
   */
  snippet?: string;
  /** How an editor should name the fix ("Add a Test: item"). */
  title: string;
  /** Safe to apply with every other fix at once, unseen (fix all, fix on save). */
  bulk?: boolean;
}

/**
 * Something the reader could not read as written (bad YAML, an unknown status, a genogram line), kept on the model
 * for the rule it names to report; such a rule has no check of its own.
 */
export interface ReadingProblem {
  ruleId: string;
  message: string;
  position: Position;
  fix?: Fix;
}

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
  /** Under 18 at the case's date (see isChildAt in genogram/kinship.ts); never someone who has died. */
  isChild: boolean;
  /** Drawn as having died on the genogram: never asked for their voice, never counted in a household. */
  deceased?: boolean;
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
  /** Everything the reader could not read as written, in reading order, for the rules named on them. */
  problems: ReadingProblem[];
  /** The alternative viewpoint CaseMark inserted, between its markers, as offsets. */
  generatedViewpoint?: { start: number; end: number };
}
