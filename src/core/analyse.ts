// analyse(text) -> {model, messages}: the one entry point every adapter (editor, CLI, grader) calls.
import type { Root } from 'mdast';
import { commentMarker } from 'mdast-comment-marker';
import { messageControl } from 'unified-message-control';
import { VFile } from 'vfile';
import { AnalysisStopped, budgetChecker, stoppedText, type AnalysisBudget, type StopCause } from './budget';
import { defaultConfig, mergeConfig } from './config/read';
import type { CaseMarkConfig, PartialConfig, Severity } from './config/types';
import type { CaseModel, Position } from './model';
import { diagramPeople, readDiagrams } from './parse/diagrams';
import { readFrontmatter } from './parse/frontmatter';
import type { IncrementalParser } from './parse/incremental';
import { limitText } from './parse/limits';
import { parseMarkdown } from './parse/markdown';
import { findSections, readHypotheses } from './parse/model';
import type { DialectProblem } from './parse/problems';
import type { CaseMessage, Report, Rule, RuleContext } from './rule';
import { createMessage } from './messages';
import { findRule, rules } from './rules/index';
import { generatedViewpoint, SourceText } from './source';

export interface AnalyseOptions {
  /** The file's path or name; `*.case.md` makes it a case analysis. */
  path?: string;
  /** Settings layers, later ones winning (editor settings, then `.casemark.*`); the file's frontmatter wins over all. */
  config?: PartialConfig | Array<PartialConfig | undefined>;
  /** Keep one per open document to re-parse only what an edit changed. */
  parser?: IncrementalParser;
  /** Stop, with one message at the top, once the analysis has taken this long or this much heap. */
  budget?: AnalysisBudget;
}

export interface Analysis {
  model: CaseModel;
  messages: CaseMessage[];
  /** The vfile the messages belong to, for vfile reporters. */
  file: VFile;
  /** The settings in force for this file, after project config and frontmatter. */
  config: CaseMarkConfig;
  /** The text with code, comments, frontmatter and CaseMark's own generated viewpoint blanked: the writer's prose. */
  prose?: string;
  /** The text with its parsed tree, for tools that run a rule's finder themselves (the alternative viewpoint). */
  source?: SourceText;
  /** The analysis went over its budget: the model is empty and the one message says so. */
  stopped?: boolean;
}

export function isCasePath(path: string | undefined): boolean {
  return path !== undefined && /\.case\.md$/i.test(path);
}

/** Whether the text opens with frontmatter that has a top-level `casemark:` key (read even when the YAML is broken). */
export function declaresCasemark(text: string): boolean {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return false;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(open[0].length - 1));
  const yaml = text.slice(open[0].length, close ? open[0].length - 1 + close.index : text.length);
  return /^casemark[ \t]*:/m.test(yaml);
}

export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  const file = new VFile({ path: options.path ?? 'untitled.case.md', value: text });
  let config = mergeConfig(defaultConfig(), ...[options.config].flat());
  const emptyModel: CaseModel = {
    path: options.path,
    isCase: isCasePath(options.path),
    frontmatter: { present: false, data: {} },
    sections: [],
    hypotheses: [],
    people: [],
    diagrams: [],
  };
  const check = options.budget ? budgetChecker(options.budget) : () => {};
  try {
    // Parsed with its worst cases capped (the same length, so every offset holds); rules read the writer's own text.
    const limited = limitText(text);
    const tree = options.parser ? options.parser.parse(limited.text, check).tree : parseMarkdown(limited.text, check);
    check();
    const source = new SourceText(text, tree);
    const front = readFrontmatter(tree, source);
    const problems: DialectProblem[] = [...front.problems];
    config = mergeConfig(config, front.settings);
    const sections = findSections(tree, source, config);
    const model: CaseModel = {
      path: options.path,
      isCase: emptyModel.isCase || 'casemark' in front.frontmatter.data || declaresCasemark(text),
      frontmatter: front.frontmatter,
      sections,
      hypotheses: readHypotheses(tree, sections, source, config, problems),
      people: front.people,
      diagrams: readDiagrams(tree, source),
    };
    model.people = diagramPeople(model.diagrams, model.frontmatter, front.people, source);
    model.generatedViewpoint = generatedViewpoint(tree);
    if (!model.isCase) return { model, messages: [], file, config, prose: source.prose, source };
    for (const rule of rules) {
      check();
      runRule(rule, model, source, config, problems, file);
    }
    for (const notice of limited.notices) createMessage(file, { ruleId: 'analysis-limit', severity: 'warning', reason: notice.message, at: notice.position });
    // Inline control walks the whole tree twice; most files have no casemark comment to honour.
    if (text.includes('casemark-')) applyInlineControl(tree, file, config);
    return { model, messages: sortMessages(file.messages as CaseMessage[]), file, config, prose: source.prose, source };
  } catch (error) {
    if (error instanceof AnalysisStopped && options.budget) {
      // A parser left half-way has no tree to build on: the next analysis parses in full.
      options.parser?.reset();
      return stoppedAnalysis(text, options, error.stopCause, error.elapsedMs, options.budget);
    }
    // A bug in CaseMark must not cost the writer their editor or their CI run: say so, at the top.
    file.messages = [];
    const message = createMessage(file, {
      ruleId: 'internal-error',
      severity: 'error',
      reason: `CaseMark could not analyse this file (${error instanceof Error ? error.message : String(error)}). Please report this with a copy of the file with names removed.`,
      at: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
    const isCase = emptyModel.isCase || declaresCasemark(text);
    if (!isCase) file.messages = [];
    return { model: { ...emptyModel, isCase }, messages: isCase ? [message] : [], file, config };
  }
}

/** The analysis of a file stopped by its budget: one message at the top, nothing else claimed about it. */
export function stoppedAnalysis(text: string, options: AnalyseOptions, cause: StopCause, elapsedMs: number, budget: AnalysisBudget): Analysis {
  const file = new VFile({ path: options.path ?? 'untitled.case.md', value: text });
  const config = mergeConfig(defaultConfig(), ...[options.config].flat());
  const model: CaseModel = { path: options.path, isCase: true, frontmatter: { present: false, data: {} }, sections: [], hypotheses: [], people: [], diagrams: [] };
  const message = createMessage(file, {
    ruleId: 'analysis-stopped',
    severity: 'error',
    reason: stoppedText(elapsedMs, cause, budget),
    at: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
  });
  return { model, messages: [message], file, config, stopped: true };
}

export function severityOf(rule: Rule, config: CaseMarkConfig, model?: CaseModel): Severity {
  return config.rules[rule.id]?.severity ?? (model && rule.defaultFor?.(model)) ?? rule.defaultSeverity;
}

function runRule(rule: Rule, model: CaseModel, source: SourceText, config: CaseMarkConfig, problems: DialectProblem[], file: VFile): void {
  const severity = severityOf(rule, config, model);
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
};

/**
 * `<!-- casemark-disable rule -->` and `-enable` go through unified-message-control; this marker only
 * maps our comment names onto its verbs and aliases onto rule ids. `-disable-next-line` means exactly the
 * next line (as in ESLint and markdownlint), narrower than message-control's "next node", so it is a
 * filter of its own over the comments the same walk finds.
 */
function applyInlineControl(tree: Root, file: VFile, config: CaseMarkConfig): void {
  const unknown: Array<{ name: string; node: Position | undefined }> = [];
  const nextLine: Array<{ line: number; ids: string[] | 'all' }> = [];
  const frontmatter = tree.children[0]?.type === 'yaml' ? tree.children[0].position : undefined;
  let fileWide: string[] | 'all' | undefined;
  const ruleIds = (attributes: string, node: Position | undefined): string[] | undefined => {
    const names = attributes.split(/[\s,]+/).filter(Boolean);
    const ids = names.flatMap((name) => {
      const rule = findRule(name);
      if (!rule) unknown.push({ name, node });
      return rule ? [rule.id] : [];
    });
    // A comment naming only unknown rules must not silence every rule.
    return names.length > 0 && ids.length === 0 ? undefined : ids;
  };
  messageControl(tree, {
    file,
    name: 'casemark',
    source: 'casemark',
    test: 'html',
    marker(node) {
      // mdast-comment-marker refuses a comment whose rule list has commas ("a, b"): read them as spaces.
      const html = node as { value?: unknown };
      const mark = commentMarker(typeof html.value === 'string' ? { ...node, value: html.value.replace(/,/g, ' ') } : node);
      if (!mark) return undefined;
      const position = mark.node.position;
      if (mark.name === 'casemark-disable-next-line') {
        const ids = ruleIds(mark.attributes, position);
        if (ids && position) nextLine.push({ line: position.end.line + 1, ids: ids.length === 0 ? 'all' : ids });
        return undefined;
      }
      const verb = inlineVerbs[mark.name];
      const ids = verb ? ruleIds(mark.attributes, position) : undefined;
      if (!verb || !ids) return undefined;
      if (verb === 'disable' && frontmatter && node === tree.children[1]) fileWide = ids.length === 0 ? 'all' : ids;
      // No rule named means every rule: name them all, as message-control's own "all" also drops messages before the comment.
      return { ...mark, name: 'casemark', attributes: [verb, ...(ids.length > 0 ? ids : rules.map((r) => r.id))].join(' ') };
    },
  });
  if (fileWide && frontmatter) {
    const ids = fileWide;
    const lastLine = frontmatter.end.line;
    file.messages = file.messages.filter((m) => !(m.source === 'casemark' && (m.line ?? 0) <= lastLine && (ids === 'all' || ids.includes(m.ruleId ?? ''))));
  }
  if (nextLine.length > 0) {
    file.messages = file.messages.filter((m) => {
      const line = m.line ?? 0;
      return !nextLine.some((d) => d.line === line && m.source === 'casemark' && (d.ids === 'all' || d.ids.includes(m.ruleId ?? '')));
    });
  }
  const severity = severityOf(findRule('config-invalid') as Rule, config);
  for (const { name, node } of unknown) {
    if (!node || severity === 'off') continue;
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
