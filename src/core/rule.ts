// The contract every rule file fulfils, and the context a rule's check receives.
import type { VFileMessage } from 'vfile-message';
import type { CaseModel, Position } from './model';
import type { Severity } from './config/types';
import type { SourceText } from './source';

export type RuleCategory = 'structure' | 'hypothesis' | 'bias' | 'language' | 'recording' | 'dialect' | 'genogram' | 'privacy';

export interface OptionSpec {
  type: 'number' | 'string[]';
  default: number | string[];
  description: string;
}

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
  options: Record<string, OptionSpec>;
  /** Rules about the document itself (bad YAML) also run when the rule settings cannot be read. */
  check(context: RuleContext): void;
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
