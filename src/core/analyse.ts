// analyse(text) -> {model, messages}: the one entry point every adapter (editor, CLI, grader) calls.
import type { Root } from 'mdast';
import { commentMarker } from 'mdast-comment-marker';
import { messageControl } from 'unified-message-control';
import { VFile } from 'vfile';
import { AnalysisStopped, budgetChecker, clock, stoppedText, type AnalysisBudget, type StopCause } from './model/budget';
import { defaultConfig, mergeConfig, readConfigNode, type ConfigProblem } from './config/read';
import type { CaseModel, Position, ReadingProblem } from './model/case';
import type { CaseMarkConfig, PartialConfig } from './model/settings';
import { diagramPeople, diagramProblems, readDiagrams } from './parse/diagrams';
import { readFrontmatter } from './parse/frontmatter';
import type { IncrementalParser } from './parse/incremental';
import { limitText, markdownTooDeep, type TooDeep } from './parse/limits';
import { parseMarkdown } from './parse/markdown';
import { findSections, readHypotheses } from './parse/model';
import { runRules, severityOf, type Analysis } from './rules/engine';
import { findRule, rules } from './rules/index';
import { createMessage } from './rules/messages';
import type { CaseMessage, Rule } from './rules/rule';
import { importance } from './rules/group';
import { generatedViewpoint, SourceText } from './text/source';
import { wordTable } from './text/words';

export { severityOf, type Analysis };

export interface AnalyseOptions {
  /** The file's path or name; `*.case.md` makes it a case analysis. */
  path?: string;
  /** Settings layers, later ones winning (editor settings, then `.casemark.*`); the file's frontmatter wins over all. */
  config?: PartialConfig | Array<PartialConfig | undefined>;
  /** Keep one per open document to re-parse only what an edit changed. */
  parser?: IncrementalParser;
  /** Stop, with one message at the top, once the analysis has taken this long or this much heap. */
  budget?: AnalysisBudget;
  /** When the budget began (by `clock`), if before this analysis: one budget for several steps. */
  budgetStarted?: number;
}

/**
 * Rule ids that mean the analysis did not cover the whole file: a safety command (check-identifiers, share, grading)
 * must not report such a file as clean.
 */
export const incompleteRuleIds: ReadonlySet<string> = new Set(['internal-error', 'analysis-stopped']);

/** Whether these messages say the file was not fully analysed. */
export function incompleteAnalysis(messages: ReadonlyArray<{ ruleId?: string | null }>): boolean {
  return messages.some((m) => incompleteRuleIds.has(m.ruleId ?? ''));
}

/**
 * Lone CR line endings (old Mac exports) as LF, the same length, so every offset, line and column stays true while
 * every reader that looks for "\n" sees the lines.
 */
export function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Direction controls that reorder the text after them on screen (a name quoted in a message included). */
export const bidiControls = /[\u202A-\u202E\u2066-\u2069]/u;

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

export function analyse(original: string, options: AnalyseOptions = {}): Analysis {
  const text = normaliseLineEndings(original);
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
    problems: [],
  };
  const tooDeep = markdownTooDeep(text);
  if (tooDeep) return notAnalysed(text, file, config, emptyModel, tooDeepReason(tooDeep), tooDeep.offset);
  const check = options.budget ? budgetChecker(options.budget, clock, options.budgetStarted) : () => {};
  try {
    // Parsed with its worst cases capped (the same length, so every offset holds); rules read the writer's own text.
    const limited = limitText(text);
    const tree = options.parser ? options.parser.parse(limited.text, check).tree : parseMarkdown(limited.text, check);
    check();
    const source = new SourceText(text, tree);
    const front = readFrontmatter(tree, source);
    const problems: ReadingProblem[] = [...front.problems, ...unclosedFrontmatter(tree, source)];
    if (front.settings) {
      const { node, position } = front.settings;
      const settingsProblems: ConfigProblem[] = [];
      config = mergeConfig(config, readConfigNode(node, settingsProblems, ['version']));
      for (const p of settingsProblems) problems.push({ ruleId: 'config-invalid', message: p.message, position: position(p.start, p.end) });
    }
    const sections = findSections(tree, source, config);
    const model: CaseModel = {
      path: options.path,
      isCase: emptyModel.isCase || 'casemark' in front.frontmatter.data || declaresCasemark(text),
      frontmatter: front.frontmatter,
      sections,
      hypotheses: readHypotheses(tree, sections, source, config, problems),
      people: front.people,
      diagrams: readDiagrams(tree, source),
      problems,
    };
    problems.push(...diagramProblems(model.diagrams, source));
    model.people = diagramPeople(model.diagrams, model.frontmatter, front.people, source);
    for (const person of model.people) {
      if (!bidiControls.test(person.name) || !person.position) continue;
      problems.push({
        ruleId: 'frontmatter-invalid',
        message: `The name “${person.name.replace(new RegExp(bidiControls.source, 'gu'), '')}” holds an invisible direction control (U+${(bidiControls.exec(person.name)?.[0].codePointAt(0) ?? 0).toString(16).toUpperCase()}), which reverses the text shown after it. Could it be typed again without it?`,
        position: person.position,
      });
    }
    model.generatedViewpoint = generatedViewpoint(tree);
    if (!model.isCase) return { model, messages: [], file, config, prose: source.prose, source };
    runRules(model, source, config, file, check);
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
    // A bug in CaseMark must not cost the writer their editor or their CI run: say so, where it can be placed.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      const deepest = markdownTooDeep(text, 0, 10);
      return notAnalysed(text, file, config, emptyModel, deepest ? tooDeepReason(deepest) : 'Something in this file is nested too deeply for CaseMark to read (it ran out of stack), so it did not analyse it. Could the nesting be flattened?', deepest?.offset ?? 0);
    }
    return notAnalysed(text, file, config, emptyModel, `CaseMark could not analyse this file (${error instanceof Error ? error.message : String(error)}). Please report this with a copy of the file with names removed.`, 0);
  }
}

function tooDeepReason(deep: TooDeep): string {
  return `This line nests ${deep.depth} levels of ${deep.what}, more than the ${deep.limit} CaseMark reads, so it did not analyse this file. Could the nesting be flattened?`;
}

/** The analysis of a file stopped by its budget: one message at the top, nothing else claimed about it. */
export function stoppedAnalysis(text: string, options: AnalyseOptions, cause: StopCause, elapsedMs: number, budget: AnalysisBudget): Analysis {
  const file = new VFile({ path: options.path ?? 'untitled.case.md', value: text });
  const config = mergeConfig(defaultConfig(), ...[options.config].flat());
  const model: CaseModel = { path: options.path, isCase: true, frontmatter: { present: false, data: {} }, sections: [], hypotheses: [], people: [], diagrams: [], problems: [] };
  const message = createMessage(file, {
    ruleId: 'analysis-stopped',
    severity: 'error',
    reason: stoppedText(elapsedMs, cause, budget),
    at: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
  });
  return { model, messages: [message], file, config, stopped: true };
}

/** An analysis that did not happen: one internal-error at `offset` (see incompleteAnalysis), for case files only. */
function notAnalysed(text: string, file: VFile, config: CaseMarkConfig, emptyModel: CaseModel, reason: string, offset: number): Analysis {
  file.messages = [];
  const isCase = emptyModel.isCase || declaresCasemark(text);
  const place = new SourceText(text, { type: 'root', children: [] }).position(offset, offset);
  const message = createMessage(file, { ruleId: 'internal-error', severity: 'error', reason, at: place });
  if (!isCase) file.messages = [];
  return { model: { ...emptyModel, isCase }, messages: isCase ? [message] : [], file, config };
}

/** A `---` first line with no closing `---`: Markdown reads it as a rule, and the settings and people under it are lost. */
function unclosedFrontmatter(tree: Root, source: SourceText): ReadingProblem[] {
  if (tree.children[0]?.type === 'yaml' || !/^\uFEFF?---[ \t]*(?:\r?\n|$)/.test(source.text)) return [];
  return [{ ruleId: 'frontmatter-invalid', message: 'The frontmatter that opens on line 1 is never closed: is a `---` line missing after its last key?', position: source.position(0, 3) }];
}

const inlineVerbs = wordTable<string>('inlineVerbs', {
  'casemark-disable': 'disable',
  'casemark-enable': 'enable',
});

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

/** Document order; at one place, the prompt that matters most first. */
function sortMessages(messages: CaseMessage[]): CaseMessage[] {
  return messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || importance(a) - importance(b) || a.ruleId.localeCompare(b.ruleId));
}
