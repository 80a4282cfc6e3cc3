// The contract every rule file fulfils, and the context a rule's check receives.
import type { VFileMessage } from 'vfile-message';
import type { CaseModel, Fix, Position } from '../model/case';
import type { Severity } from '../model/settings';
import type { SourceText } from '../text/source';

export type RuleCategory = 'structure' | 'hypothesis' | 'bias' | 'language' | 'recording' | 'dialect' | 'genogram' | 'privacy';

export interface OptionSpec {
  type: 'number' | 'string[]';
  default: number | string[];
  description: string;
}

export type { Fix };

export interface Report {
  message: string;
  at: Position;
  fix?: Fix;
  /** Other wordings for the fix's range, best first (the fix's own text comes first). */
  expected?: string[];
}

export interface RuleContext {
  model: CaseModel;
  source: SourceText;
  options: Record<string, unknown>;
  number(option: string): number;
  words(option: string): string[];
  report(report: Report): void;
}

export interface Rule {
  /** Stable id, used in config, inline comments and diagnostics. */
  id: string;
  /** A second name for people who think of the rule that way; accepted wherever the id is. */
  alias: string;
  /** One line, for `casemark rules` and settings. */
  description: string;
  /** Why the rule exists, in a sentence or two, for hovers. */
  rationale: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** A default that depends on the file itself (identifying-detail is on in shareable copies); settings still win. */
  defaultFor?(model: CaseModel): Severity | undefined;
  /** What `defaultFor` does, in words, for the rule's page ("warning in shareable copies"). */
  defaultForText?: string;
  options: Record<string, OptionSpec>;
  /**
   * Looks at the model and reports. Every rule also reports the problems the reader left on the model under its id
   * (`model.problems`); a reading rule (bad YAML, an unknown status, an unreadable genogram line) has no check at all.
   */
  check?(context: RuleContext): void;
}

/** A vfile message as CaseMark reports it: ruleId, source 'casemark', place, severity, and maybe a fix. */
export type CaseMessage = VFileMessage & {
  ruleId: string;
  source: 'casemark';
  severity: Exclude<Severity, 'off'>;
  fix?: Fix;
};

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
