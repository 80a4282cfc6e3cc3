// CaseMark's core: pure TypeScript, no editor and no OS, for the extension, the CLI and the browser.
export { analyse, declaresCasemark, incompleteAnalysis, incompleteRuleIds, isCasePath, severityOf, type AnalyseOptions, type Analysis } from './analyse';
export { defaultConfig, mergeConfig, readConfigText, readSeverity, type ConfigProblem } from './config/read';
export * from './config/types';
export * from './model';
export { docsPath, type CaseMessage, type Fix, type Rule } from './rule';
export { findRule, rules } from './rules/index';
export { groupFixes, groupPrompts, importance, mergeRepeats, type Prompt, type PromptGroup, type RelatedPlace } from './group';
export { plural, supporting } from './rules/shared';
export { lineStart, within } from './source';
export { configFileMessages, createMessage } from './messages';
export { IncrementalParser, type Reparse, type ReparseKind } from './parse/incremental';
export { newCaseTemplate } from './template';
export { drawGenogram, drawingFileName, parseDiagrams, svgText } from './genogram/index';
export { buildViewpoint, phrasesWith, viewpointDocument, viewpointInsertion, type Viewpoint } from './viewpoint/index';
export * from './anonymise/index';
export { caseYear } from './parse/diagrams';
