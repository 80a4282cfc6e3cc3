// Configuration shapes shared by the rules, the config reader and the adapters.
import type { SectionKind } from './case';

export const severities = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type Severity = (typeof severities)[number];

export type KeywordKind = 'for' | 'against' | 'test' | 'status' | 'about';

/** A rule's entry in config: a bare severity, true/false, or a severity with options. */
export interface RuleSetting {
  severity?: Severity;
  [option: string]: unknown;
}

export interface CaseMarkConfig {
  rules: Record<string, RuleSetting>;
  sections: Record<SectionKind, string[]>;
  keywords: Record<KeywordKind, string[]>;
  /** A team's own wording for the alternative viewpoint, by phrase name. */
  viewpoint: { phrases: Record<string, string> };
}

/** What a config file or a frontmatter block may say: every part optional, merged over the defaults. */
export interface PartialConfig {
  rules?: Record<string, RuleSetting>;
  sections?: Partial<Record<SectionKind, string[]>>;
  keywords?: Partial<Record<KeywordKind, string[]>>;
  viewpoint?: { phrases?: Record<string, string> };
}

export const defaultSections: Record<SectionKind, string[]> = {
  dilemma: ['dilemma', 'case dilemma', 'the dilemma'],
  hypotheses: ['hypotheses', 'hypothesis', 'hypothesising', 'hypothesizing', 'working hypotheses'],
  genogram: ['genogram', 'cultural genogram', 'family tree'],
  ecomap: ['ecomap', 'eco-map', 'eco map'],
  viewpoint: ['alternative viewpoint', 'alternative viewpoints', 'another viewpoint', 'alternative view'],
  reflections: ['reflections', 'reflection', 'reflective notes'],
  plan: ['next steps', 'plan', 'action plan', 'next steps / plan', 'plan / next steps'],
};

export const defaultKeywords: Record<KeywordKind, string[]> = {
  for: ['for', 'evidence for', 'supporting'],
  against: ['against', 'evidence against', 'disconfirming'],
  test: ['test', 'to test', 'how to test', 'testing'],
  status: ['status'],
  about: ['about', 'who'],
};
