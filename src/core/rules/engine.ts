// The one rule engine: builds each rule's context from the settings in force and runs it. `analyse` runs every rule
// through it; the alternative viewpoint asks it where one rule would report, whatever that rule's severity.
import type { VFile } from 'vfile';
import type { CaseModel, Position } from '../model/case';
import type { CaseMarkConfig, Severity } from '../model/settings';
import type { SourceText } from '../text/source';
import { rules } from './index';
import { createMessage } from './messages';
import type { CaseMessage, Report, Rule, RuleContext } from './rule';

/** What analysing one file gives: its model, its messages and the settings they were found with. */
export interface Analysis {
  model: CaseModel;
  messages: CaseMessage[];
  /** The vfile the messages belong to, for vfile reporters. */
  file: VFile;
  /** The settings in force for this file, after project config and frontmatter. */
  config: CaseMarkConfig;
  /** The text with code, comments, frontmatter and CaseMark's own generated viewpoint blanked: the writer's prose. */
  prose?: string;
  /** The text with its parsed tree, for tools that ask where a rule would report (the alternative viewpoint). */
  source?: SourceText;
  /** The analysis went over its budget: the model is empty and the one message says so. */
  stopped?: boolean;
}

export function severityOf(rule: Rule, config: CaseMarkConfig, model?: CaseModel): Severity {
  return config.rules[rule.id]?.severity ?? (model && rule.defaultFor?.(model)) ?? rule.defaultSeverity;
}

function contextOf(rule: Rule, model: CaseModel, source: SourceText, config: CaseMarkConfig, report: (report: Report) => void): RuleContext {
  const setting = config.rules[rule.id] ?? {};
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.options)) options[name] = setting[name] ?? spec.default;
  return {
    model,
    source,
    options,
    number: (name) => (typeof options[name] === 'number' ? (options[name] as number) : 0),
    words: (name) => (Array.isArray(options[name]) ? (options[name] as string[]) : []),
    report,
  };
}

/**
 * Every rule that is not off reports on the file: first what the reader left under its id, then its own check.
 * `check` runs before each rule and throws to stop the analysis (its budget).
 */
export function runRules(model: CaseModel, source: SourceText, config: CaseMarkConfig, file: VFile, check: () => void = () => {}): void {
  for (const rule of rules) {
    check();
    const severity = severityOf(rule, config, model);
    if (severity === 'off') continue;
    const report = (r: Report): void => {
      createMessage(file, { ruleId: rule.id, severity, reason: r.message, at: r.at, fix: r.fix, expected: r.expected });
    };
    for (const problem of model.problems) if (problem.ruleId === rule.id) report({ message: problem.message, at: problem.position, fix: problem.fix });
    try {
      rule.check?.(contextOf(rule, model, source, config, report));
    } catch (error) {
      createMessage(file, {
        ruleId: 'internal-error',
        severity: 'error',
        reason: `Rule ${rule.id} failed on this file (${error instanceof Error ? error.message : String(error)}); the other rules still ran.`,
        at: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
      });
    }
  }
}

/** Where a rule's check would report on this analysis, with its options from the file's settings, whatever its severity. */
export function findingsOf(rule: Rule, analysis: Analysis, source: SourceText): Position[] {
  const places: Position[] = [];
  rule.check?.(contextOf(rule, analysis.model, source, analysis.config, (r) => places.push(r.at)));
  return places;
}
