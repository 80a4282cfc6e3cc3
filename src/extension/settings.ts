// VS Code settings (casemark.*) as a CaseMark config layer. Pure: takes a getter, so it is unit-tested without VS Code.
import type { KeywordKind, PartialConfig, RuleSetting, SectionKind, Severity } from '../core/index';
import { findRule, readBudget, readSeverity, type AnalysisBudget, type Rule } from '../core/index';

export type SettingGetter = <T>(key: string) => T | undefined;

export interface EditorSettings {
  enable: boolean;
  debounceMs: number;
  /** How long and how much memory one file's analysis may take before it is stopped. */
  budget: AnalysisBudget;
  config: PartialConfig;
}

/** Only what the rule knows, of the right type: VS Code settings are not validated for us. */
function ruleOptions(rule: Rule, value: Record<string, unknown>): RuleSetting {
  const setting: RuleSetting = {};
  const severity: Severity | undefined = readSeverity(value.severity, rule.defaultSeverity);
  if (severity) setting.severity = severity;
  for (const [name, spec] of Object.entries(rule.options)) {
    const option = value[name];
    if (spec.type === 'number' && typeof option === 'number' && option >= 0) setting[name] = option;
    if (spec.type === 'string[]' && Array.isArray(option) && option.every((w) => typeof w === 'string')) setting[name] = option;
  }
  return setting;
}

export function readSettings(get: SettingGetter): EditorSettings {
  const rules: Record<string, RuleSetting> = {};
  const setRule = (id: string, setting: RuleSetting) => (rules[id] = { ...rules[id], ...setting });
  for (const [name, value] of Object.entries(get<Record<string, unknown>>('rules') ?? {})) {
    const rule = findRule(name);
    if (!rule) continue;
    if (typeof value === 'string' || typeof value === 'boolean') {
      const severity = readSeverity(value, rule.defaultSeverity);
      if (severity) setRule(rule.id, { severity });
    } else if (value && typeof value === 'object') setRule(rule.id, ruleOptions(rule, value as Record<string, unknown>));
  }
  const minimum = get<number>('minimumHypotheses');
  if (typeof minimum === 'number') setRule('hypotheses-too-few', { minimum });
  const certainty = get<string[]>('certaintyWords');
  if (Array.isArray(certainty) && certainty.length > 0) setRule('hypothesis-certainty', { words: certainty });
  const labels = get<string[]>('labelWords');
  if (Array.isArray(labels) && labels.length > 0) setRule('labels-not-behaviour', { words: labels });
  const debounce = get<number>('debounceMs');
  return {
    enable: get<boolean>('enable') ?? true,
    debounceMs: typeof debounce === 'number' && debounce >= 0 ? debounce : 250,
    budget: readBudget(get<unknown>('analysis.timeBudgetSeconds'), get<unknown>('analysis.memoryBudgetMb')),
    config: {
      rules,
      sections: (get<Partial<Record<SectionKind, string[]>>>('sections') ?? {}) as PartialConfig['sections'],
      keywords: (get<Partial<Record<KeywordKind, string[]>>>('keywords') ?? {}) as PartialConfig['keywords'],
    },
  };
}
