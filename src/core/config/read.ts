// Reading CaseMark settings from YAML or JSON text (one YAML parser does both, with positions), and merging.
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { createMessage } from '../rules/messages';
import { findRule } from '../rules/index';
import { isPhraseKey, unknownPlaceholders } from '../viewpoint/phrases';
import type { SectionKind } from '../model/case';
import {
  defaultKeywords,
  defaultSections,
  severities,
  type CaseMarkConfig,
  type KeywordKind,
  type PartialConfig,
  type RuleSetting,
  type Severity,
} from '../model/settings';

/** A problem in settings, by offsets into the text that held them. */
export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
}

export interface ReadConfig {
  config: PartialConfig;
  problems: ConfigProblem[];
}

/** Read a `.casemark.json` or `.casemark.yaml` file's text. Never throws: problems come back with places. */
export function readConfigText(text: string): ReadConfig {
  const problems: ConfigProblem[] = [];
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  for (const error of [...doc.errors, ...doc.warnings]) {
    // yaml places errors at the end of the input one character past it; keep places inside the text.
    const [start, end] = error.pos.map((at) => Math.min(at, text.length)) as [number, number];
    problems.push({ message: `Settings could not be read: ${firstLine(error.message)}`, start, end });
  }
  if (doc.errors.length > 0 || doc.contents === null) return { config: {}, problems };
  return { config: readConfigNode(doc.contents, problems, ['version', '$schema']), problems };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function span(node: YamlNode | Pair | null | undefined): [number, number] {
  const target = node && 'range' in node ? node : node && 'key' in node ? (node.key as YamlNode) : undefined;
  const range = target?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** Read a settings mapping (a config file's root, or the frontmatter's `casemark:` block). */
export function readConfigNode(node: YamlNode, problems: ConfigProblem[], allowedExtraKeys: string[] = []): PartialConfig {
  const config: PartialConfig = {};
  const problem = (at: YamlNode | Pair | null | undefined, message: string): void => {
    const [start, end] = span(at);
    problems.push({ message, start, end });
  };
  if (!isMap(node)) {
    problem(node, 'CaseMark settings should be a mapping with `rules`, `sections` or `keywords`.');
    return config;
  }
  for (const pair of node.items) {
    const key = keyText(pair);
    const value = pair.value as YamlNode | null;
    if (key === 'rules') config.rules = readRules(value, problem);
    else if (key === 'sections') config.sections = readSynonyms(value, Object.keys(defaultSections), problem) as PartialConfig['sections'];
    else if (key === 'keywords') config.keywords = readSynonyms(value, Object.keys(defaultKeywords), problem) as PartialConfig['keywords'];
    else if (key === 'viewpoint') config.viewpoint = readViewpoint(value, problem);
    else if (!allowedExtraKeys.includes(key)) problem(pair, `Unknown setting “${key}”: expected rules, sections, keywords or viewpoint.`);
  }
  return config;
}

type Problem = (at: YamlNode | Pair | null | undefined, message: string) => void;

/** `viewpoint: {phrases: {key: wording}}`: a team's own question cards for the alternative viewpoint. */
function readViewpoint(node: YamlNode | null, problem: Problem): PartialConfig['viewpoint'] {
  if (!isMap(node)) {
    problem(node, '`viewpoint` should be a mapping, such as `viewpoint: {phrases: {voices.adult.observer: "…"}}`.');
    return undefined;
  }
  const phrases: Record<string, string> = {};
  for (const pair of node.items) {
    const key = keyText(pair);
    if (key !== 'phrases') {
      problem(pair, `Unknown viewpoint setting “${key}”: expected phrases.`);
      continue;
    }
    const value = pair.value as YamlNode | null;
    if (!isMap(value)) {
      problem(value ?? pair, '`phrases` should map phrase names to your wording (see docs/viewpoint.md for the names).');
      continue;
    }
    for (const item of value.items) {
      const name = keyText(item);
      const wording = isScalar(item.value) ? item.value.value : undefined;
      if (!isPhraseKey(name)) problem(item, `Unknown phrase “${name}”. The phrase names are listed in docs/viewpoint.md.`);
      else if (typeof wording !== 'string' || wording.trim() === '') problem((item.value as YamlNode | null) ?? item, `The phrase “${name}” should be some words.`);
      else {
        const unknown = unknownPlaceholders(name, wording);
        if (unknown.length > 0) problem(item.value as YamlNode, `The phrase “${name}” uses ${unknown.map((u) => `{${u}}`).join(', ')}, which CaseMark cannot fill there.`);
        else phrases[name] = wording;
      }
    }
  }
  return { phrases };
}

function readRules(node: YamlNode | null, problem: Problem): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (!isMap(node)) {
    problem(node, '`rules` should map rule ids to a severity (off, hint, info, warning, error) or to options.');
    return rules;
  }
  for (const pair of node.items) {
    const name = keyText(pair);
    const rule = findRule(name);
    if (!rule) {
      problem(pair, `Unknown rule “${name}”. Run \`casemark rules\` to list the rules.`);
      continue;
    }
    const value = pair.value as YamlNode | null;
    const setting: RuleSetting = {};
    if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'boolean')) {
      const severity = readSeverity(value.value, rule.defaultSeverity);
      if (severity) setting.severity = severity;
      else problem(value, `“${String(value.value)}” is not a severity: use off, hint, info, warning or error.`);
    } else if (isMap(value)) {
      for (const option of value.items) {
        const optionName = keyText(option);
        const optionValue = option.value as YamlNode | null;
        if (optionName === 'severity') {
          const severity = isScalar(optionValue) ? readSeverity(optionValue.value, rule.defaultSeverity) : undefined;
          if (severity) setting.severity = severity;
          else problem(optionValue ?? option, 'severity should be off, hint, info, warning or error.');
          continue;
        }
        const spec = rule.options[optionName];
        if (!spec) {
          const known = Object.keys(rule.options);
          problem(option, `Rule ${rule.id} has no option “${optionName}”${known.length ? ` (options: ${known.join(', ')})` : ''}.`);
        } else if (spec.type === 'number') {
          if (isScalar(optionValue) && typeof optionValue.value === 'number' && optionValue.value >= 0) setting[optionName] = optionValue.value;
          else problem(optionValue ?? option, `${rule.id}: ${optionName} should be a number of 0 or more.`);
        } else {
          const list = readStringList(optionValue);
          if (list) setting[optionName] = list;
          else problem(optionValue ?? option, `${rule.id}: ${optionName} should be a list of words or phrases.`);
        }
      }
    } else {
      problem(value ?? pair, `Rule ${rule.id} should be set to a severity or to a mapping of options.`);
      continue;
    }
    rules[rule.id] = { ...rules[rule.id], ...setting };
  }
  return rules;
}

/** A severity as people write it: off/hint/info/warning/error, warn, true (the default) or false (off). */
export function readSeverity(value: unknown, fallback: Severity): Severity | undefined {
  if (value === false) return 'off';
  if (value === true) return fallback === 'off' ? 'warning' : fallback;
  if (typeof value !== 'string') return undefined;
  const word = value.toLowerCase() === 'warn' ? 'warning' : value.toLowerCase();
  return (severities as readonly string[]).includes(word) ? (word as Severity) : undefined;
}

function readStringList(node: YamlNode | null): string[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  if (!isSeq(node)) return undefined;
  const list: string[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string') return undefined;
    list.push(item.value);
  }
  return list;
}

function readSynonyms(node: YamlNode | null, kinds: string[], problem: Problem): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  if (!isMap(node)) {
    problem(node, `Expected a mapping from ${kinds.join(', ')} to lists of words.`);
    return synonyms;
  }
  for (const pair of node.items) {
    const kind = keyText(pair);
    if (!kinds.includes(kind)) {
      problem(pair, `Unknown name “${kind}”: expected one of ${kinds.join(', ')}.`);
      continue;
    }
    const list = readStringList(pair.value as YamlNode | null);
    if (list) synonyms[kind] = list;
    else problem((pair.value as YamlNode | null) ?? pair, `${kind} should be a list of words or phrases.`);
  }
  return synonyms;
}

export function defaultConfig(): CaseMarkConfig {
  return {
    rules: {},
    sections: structuredClone(defaultSections),
    keywords: structuredClone(defaultKeywords),
    viewpoint: { phrases: {} },
  };
}

/** Later settings win for rules; synonyms add to the defaults rather than replace them. */
export function mergeConfig(base: CaseMarkConfig, ...layers: Array<PartialConfig | undefined>): CaseMarkConfig {
  const merged: CaseMarkConfig = {
    rules: { ...base.rules },
    sections: { ...base.sections },
    keywords: { ...base.keywords },
    viewpoint: { phrases: { ...base.viewpoint.phrases } },
  };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, setting] of Object.entries(layer.rules ?? {})) merged.rules[id] = { ...merged.rules[id], ...setting };
    for (const [kind, words] of Object.entries(layer.sections ?? {}) as Array<[SectionKind, string[]]>)
      merged.sections[kind] = [...new Set([...merged.sections[kind], ...words])];
    for (const [kind, words] of Object.entries(layer.keywords ?? {}) as Array<[KeywordKind, string[]]>)
      merged.keywords[kind] = [...new Set([...merged.keywords[kind], ...words])];
    Object.assign(merged.viewpoint.phrases, layer.viewpoint?.phrases);
  }
  return merged;
}

/** A settings file's problems as messages on that file, so they are shown where they are. */
export function configFileMessages(path: string, text: string, problems: ConfigProblem[]): VFile {
  const file = new VFile({ path, value: text });
  const place = location(text);
  const point = (offset: number) => place.toPoint(Math.min(offset, text.length)) ?? { line: 1, column: 1, offset: 0 };
  for (const problem of problems) {
    createMessage(file, { ruleId: 'config-invalid', severity: 'error', reason: problem.message, at: { start: point(problem.start), end: point(problem.end) } });
  }
  return file;
}
