// An exercise file (*.exercise.md): YAML frontmatter with a title, level, learning outcomes and a rubric;
// the body is the vignette. Read with positions, so a trainer's mistake is reported where it is.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Analysis } from '../analyse';
import type { Position } from '../model/case';
import { SourceText } from '../text/source';
import { findCheck, parameterProblem, type CheckResult } from './checks';

export interface RubricItem {
  id: string;
  description: string;
  /** A machine check from the vocabulary, or none: the item is for a person to mark. */
  check?: { name: string; value: unknown };
  /** Why the trainer's check cannot be used: then the item is neither judged nor a person's to mark. */
  invalid?: string;
}

export interface ExerciseProblem {
  message: string;
  start: number;
  end: number;
}

export interface Exercise {
  title: string;
  level?: string;
  outcomes: string[];
  rubric: RubricItem[];
  /** The body: the case vignette shown to the learner. */
  vignette: string;
  problems: ExerciseProblem[];
}

export function isExercisePath(path: string | undefined): boolean {
  return path !== undefined && /\.exercise\.md$/i.test(path);
}

export function readExercise(text: string): Exercise {
  const exercise: Exercise = { title: 'Untitled exercise', outcomes: [], rubric: [], vignette: text, problems: [] };
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  const close = open ? /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(open[0].length - 1)) : null;
  if (!open || !close) {
    exercise.problems.push({ message: 'An exercise starts with frontmatter between --- lines: title, level, outcomes and rubric.', start: 0, end: 0 });
    return exercise;
  }
  const yamlStart = open[0].length;
  const yamlEnd = open[0].length - 1 + close.index;
  exercise.vignette = text.slice(yamlEnd + close[0].length).replace(/^\s*\n/, '');
  const doc = parseDocument(text.slice(yamlStart, yamlEnd));
  const problem = (message: string, node?: YamlNode | null): void => {
    const [start, end] = node?.range ?? [0, 0];
    exercise.problems.push({ message, start: yamlStart + start, end: yamlStart + end });
  };
  for (const error of doc.errors) exercise.problems.push({ message: error.message.split('\n')[0] ?? error.message, start: yamlStart + error.pos[0], end: yamlStart + error.pos[1] });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    if (doc.errors.length === 0) problem('The frontmatter should be a mapping: title, level, outcomes and rubric.', doc.contents);
    return exercise;
  }
  const root = doc.contents;
  const title: unknown = root.get('title');
  if (typeof title === 'string' && title.trim()) exercise.title = title.trim();
  else problem('The exercise needs a `title`.', root);
  const level: unknown = root.get('level');
  if (typeof level === 'string' || typeof level === 'number') exercise.level = String(level);
  const outcomes = root.get('outcomes', true) as YamlNode | undefined;
  if (isSeq(outcomes)) exercise.outcomes = outcomes.items.map((i) => (isScalar(i) ? String(i.value) : '')).filter(Boolean);
  else if (outcomes !== undefined) problem('`outcomes` should be a list of learning outcomes.', outcomes);
  const rubric = root.get('rubric', true) as YamlNode | undefined;
  if (!isSeq(rubric)) {
    problem('The exercise needs a `rubric`: a list of checks, each with an id and a description.', rubric ?? root);
    return exercise;
  }
  const ids = new Set<string>();
  for (const entry of rubric.items as YamlNode[]) {
    // A rubric item written as an alias (`- *shared`) is the item its anchor names, as YAML means.
    const node = resolved(entry, doc);
    if (!isMap(node)) {
      problem('Each rubric item is a mapping: {id: …, description: …, check: …}.', node);
      continue;
    }
    const id: unknown = node.get('id');
    const description: unknown = node.get('description');
    if (typeof id !== 'string' || !/^[\w-]+$/.test(id)) {
      problem('Each rubric item needs an `id` of letters, digits and hyphens.', node);
      continue;
    }
    if (ids.has(id)) problem(`The id “${id}” is used twice.`, node);
    ids.add(id);
    const item: RubricItem = { id, description: typeof description === 'string' ? description : id };
    if (typeof description !== 'string') problem(`Rubric item “${id}” needs a \`description\` to show the learner.`, node);
    const check = resolved(node.get('check', true) as YamlNode | undefined, doc);
    const markedBy: unknown = node.get('marked-by');
    if (check === undefined) {
      if (markedBy !== 'person') problem(`Rubric item “${id}” has no \`check\`. Give one from docs/exercises.md, or write \`marked-by: person\` for a check a person marks.`, node);
    } else {
      const parsed = readCheck(check);
      const kind = parsed && findCheck(parsed.name);
      if (!parsed || !kind) {
        item.invalid = `Unknown check${parsed ? ` “${parsed.name}”` : ''}. The checks are listed in docs/exercises.md.`;
        problem(item.invalid, check);
      } else {
        const reason = parameterProblem(kind, parsed.value);
        if (reason) {
          item.invalid = reason;
          problem(reason, check);
        } else item.check = parsed;
      }
    }
    exercise.rubric.push(item);
  }
  return exercise;
}

/** A node with any alias followed to its anchor (YAML's own resolution; a dangling alias stays as it is). */
function resolved<T extends YamlNode | undefined | null>(node: T, doc: Document): T | YamlNode {
  if (!isAlias(node)) return node;
  return (node.resolve(doc) as YamlNode | undefined) ?? node;
}

/** `check: self-hypothesis` or `check: {hypotheses: 3}`. */
function readCheck(node: YamlNode): { name: string; value: unknown } | undefined {
  if (isScalar(node) && typeof node.value === 'string') return { name: node.value, value: undefined };
  if (isMap(node) && node.items.length === 1) {
    const pair = node.items[0];
    const key = pair && isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = pair?.value;
    if (!key) return undefined;
    if (isAlias(value)) return { name: key, value: undefined };
    return { name: key, value: isScalar(value) ? value.value : (value as { toJSON?: () => unknown } | null)?.toJSON?.() };
  }
  return undefined;
}

export interface RubricResult {
  item: RubricItem;
  /** Undefined for an item a person marks. */
  result?: CheckResult;
}

/** Every rubric item judged on one learner's analysis; items for a person to mark are listed, not judged. */
export function judgeRubric(exercise: Exercise, analysis: Analysis, text: string): RubricResult[] {
  const source = new SourceText(text, { type: 'root', children: [] });
  return exercise.rubric.map((item) => {
    if (item.invalid) return { item, result: { met: false, detail: `the exercise's check cannot be used: ${item.invalid}` } };
    if (!item.check) return { item };
    const kind = findCheck(item.check.name);
    if (!kind) return { item };
    try {
      return { item, result: kind.judge({ analysis, text, source }, item.check.value) };
    } catch (error) {
      return { item, result: { met: false, detail: `CaseMark could not judge this (${error instanceof Error ? error.message : String(error)})` } };
    }
  });
}

export type { Position };
