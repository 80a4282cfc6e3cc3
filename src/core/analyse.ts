// analyse(text) -> {model, messages}: the one entry point every adapter (editor, CLI, grader) calls.
import type { Root } from 'mdast';
import { commentMarker } from 'mdast-comment-marker';
import { messageControl } from 'unified-message-control';
import { VFile } from 'vfile';
import { defaultConfig, mergeConfig } from './config/read';
import type { CaseMarkConfig, PartialConfig, Severity } from './config/types';
import type { CaseModel, Position } from './model';
import { readFrontmatter } from './parse/frontmatter';
import { parseMarkdown } from './parse/markdown';
import { findSections, readHypotheses } from './parse/model';
import type { DialectProblem } from './parse/problems';
import type { CaseMessage, Report, Rule, RuleContext } from './rule';
import { createMessage } from './messages';
import { findRule, rules } from './rules/index';
import { SourceText } from './source';

export interface AnalyseOptions {
  /** The file's path or name; `*.case.md` makes it a case analysis. */
  path?: string;
  /** Project settings (from `.casemark.*` or editor settings), under the file's own frontmatter settings. */
  config?: PartialConfig;
}

export interface Analysis {
  model: CaseModel;
  messages: CaseMessage[];
  /** The vfile the messages belong to, for vfile reporters. */
  file: VFile;
  /** The settings in force for this file, after project config and frontmatter. */
  config: CaseMarkConfig;
}

export function isCasePath(path: string | undefined): boolean {
  return path !== undefined && /\.case\.md$/i.test(path);
}

export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  const file = new VFile({ path: options.path ?? 'untitled.case.md', value: text });
  let config = mergeConfig(defaultConfig(), options.config);
  const emptyModel: CaseModel = {
    path: options.path,
    isCase: isCasePath(options.path),
    frontmatter: { present: false, data: {} },
    sections: [],
    hypotheses: [],
    people: [],
  };
  try {
    const tree = parseMarkdown(text);
    const source = new SourceText(text, tree);
    const front = readFrontmatter(tree, source);
    const problems: DialectProblem[] = [...front.problems];
    config = mergeConfig(config, front.settings);
    const sections = findSections(tree, source, config);
    const model: CaseModel = {
      path: options.path,
      isCase: emptyModel.isCase || declaresCasemark(tree, front.frontmatter.data),
      frontmatter: front.frontmatter,
      sections,
      hypotheses: readHypotheses(tree, sections, source, config, problems),
      people: front.people,
    };
    if (!model.isCase) return { model, messages: [], file, config };
    for (const rule of rules) runRule(rule, model, source, config, problems, file);
    applyInlineControl(tree, file, config);
    return { model, messages: sortMessages(file.messages as CaseMessage[]), file, config };
  } catch (error) {
    // A bug in CaseMark must not cost the writer their editor or their CI run: say so, at the top.
    file.messages = [];
    const message = createMessage(file, {
      ruleId: 'internal-error',
      severity: 'error',
      reason: `CaseMark could not analyse this file (${error instanceof Error ? error.message : String(error)}). Please report this with a copy of the file with names removed.`,
      at: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
    return { model: emptyModel, messages: emptyModel.isCase ? [message] : [], file, config };
  }
}

function declaresCasemark(tree: Root, data: Record<string, unknown>): boolean {
  if ('casemark' in data) return true;
  // Broken YAML still says what it wants to be.
  const first = tree.children[0];
  return first?.type === 'yaml' && /^casemark\s*:/m.test(first.value);
}

export function severityOf(rule: Rule, config: CaseMarkConfig): Severity {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

function runRule(rule: Rule, model: CaseModel, source: SourceText, config: CaseMarkConfig, problems: DialectProblem[], file: VFile): void {
  const severity = severityOf(rule, config);
  if (severity === 'off') return;
  const setting = config.rules[rule.id] ?? {};
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.options)) options[name] = setting[name] ?? spec.default;
  const report = (r: Report): void => {
    createMessage(file, { ruleId: rule.id, severity, reason: r.message, at: r.at, fix: r.fix, expected: r.expected });
  };
  const context: RuleContext = {
    model,
    source,
    options,
    number: (name) => (typeof options[name] === 'number' ? (options[name] as number) : 0),
    words: (name) => (Array.isArray(options[name]) ? (options[name] as string[]) : []),
    report,
  };
  // Problems found while reading the document belong to the rule named on them.
  for (const problem of problems) if (problem.ruleId === rule.id) report({ message: problem.message, at: problem.position });
  try {
    rule.check(context);
  } catch (error) {
    createMessage(file, {
      ruleId: 'internal-error',
      severity: 'error',
      reason: `Rule ${rule.id} failed on this file (${error instanceof Error ? error.message : String(error)}); the other rules still ran.`,
      at: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
  }
}

const inlineVerbs: Record<string, string> = {
  'casemark-disable': 'disable',
  'casemark-enable': 'enable',
  'casemark-disable-next-line': 'ignore',
};

/**
 * `<!-- casemark-disable rule -->`, `-enable`, `-disable-next-line`: unified-message-control does the
 * work; this marker only maps our comment names onto its verbs and aliases onto rule ids.
 */
function applyInlineControl(tree: Root, file: VFile, config: CaseMarkConfig): void {
  const unknown: Array<{ name: string; node: Position | undefined }> = [];
  messageControl(tree, {
    file,
    name: 'casemark',
    source: 'casemark',
    test: 'html',
    marker(node) {
      const mark = commentMarker(node);
      const verb = mark && inlineVerbs[mark.name];
      if (!mark || !verb) return undefined;
      const ids = mark.attributes.split(/[\s,]+/).filter(Boolean).map((name) => {
        const rule = findRule(name);
        if (!rule) unknown.push({ name, node: mark.node.position });
        return rule?.id;
      });
      const known = ids.filter((id): id is string => id !== undefined);
      // A comment naming only unknown rules must not silence every rule.
      if (ids.length > 0 && known.length === 0) return undefined;
      return { ...mark, name: 'casemark', attributes: [verb, ...known].join(' ') };
    },
  });
  // A warning unless settings give config-invalid a severity; 'off' silences these too.
  const severity = config.rules['config-invalid']?.severity ?? 'warning';
  if (severity === 'off') return;
  for (const { name, node } of unknown) {
    if (!node) continue;
    createMessage(file, {
      ruleId: 'config-invalid',
      severity,
      reason: `Unknown rule “${name}” in a casemark comment. Run \`casemark rules\` to list the rules.`,
      at: node,
    });
  }
}

function sortMessages(messages: CaseMessage[]): CaseMessage[] {
  return messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId));
}
