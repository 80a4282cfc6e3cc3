// CaseMark's core: pure TypeScript, no editor and no OS, for the extension, the CLI and the browser.
export { analyse, declaresCasemark, incompleteAnalysis, incompleteRuleIds, isCasePath, severityOf, type AnalyseOptions, type Analysis } from './analyse';
export { configFileMessages, defaultConfig, mergeConfig, readConfigText, readSeverity, type ConfigProblem } from './config/read';
export { SettingsFinder, settingsFileNames, type FoundSettings, type SettingsFileSystem } from './config/discover';
export * from './model/settings';
export * from './model/case';
export { docsPath, type CaseMessage, type Fix, type Rule } from './rules/rule';
export { findRule, rules } from './rules/index';
export { groupFixes, groupPrompts, importance, mergeRepeats, type Prompt, type PromptGroup, type RelatedPlace } from './rules/group';
export { plural, supporting } from './model/queries';
export { lineStart, within } from './text/source';
export { createMessage } from './rules/messages';
export { IncrementalParser, type Reparse, type ReparseKind } from './parse/incremental';
export { newCaseTemplate, templatePlaceholders, withoutPlaceholders } from './template';
export { drawGenogram, drawingFileName, parseDiagrams, svgText } from './genogram/index';
export { buildViewpoint, phrasesWith, viewpointDocument, viewpointInsertion, type Viewpoint } from './viewpoint/index';
export * from './anonymise/index';
export { caseYear } from './model/queries';
