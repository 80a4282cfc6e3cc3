// CaseMark's core: pure TypeScript, no editor and no OS, for the extension, the CLI and the browser.
export { analyse, declaresCasemark, isCasePath, severityOf, stoppedAnalysis, type AnalyseOptions, type Analysis } from './analyse';
export { AnalysisStopped, budgetChecker, defaultBudget, readBudget, stoppedText, stopReason, type AnalysisBudget, type StopCause } from './budget';
export { defaultConfig, mergeConfig, readConfigText, readSeverity, type ConfigProblem } from './config/read';
export * from './config/types';
export * from './model';
export { docsPath, type CaseMessage, type Fix, type Rule } from './rule';
export { findRule, rules } from './rules/index';
export { plural, supporting } from './rules/shared';
export { lineStart, within } from './source';
export { configFileMessages, createMessage, engineMessages } from './messages';
export { fromWire, toWire, type WireMessage } from './wire';
export { IncrementalParser, type Reparse, type ReparseKind } from './parse/incremental';
export { newCaseTemplate } from './template';
export { drawGenogram, drawingFileName, parseDiagrams, svgText } from './genogram/index';
export { buildViewpoint, phrasesWith, viewpointDocument, viewpointInsertion, type Viewpoint } from './viewpoint/index';
export * from './anonymise/index';
