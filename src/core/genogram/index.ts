// Genograms and ecomaps: read (grammar), check (the genogram rules), lay out and draw. No vscode, no DOM, no Node.
export * from './types';
export { parseDiagram, type ParseOptions } from './grammar';
export { parseDiagrams, drawingFileName, type DiagramBlock } from './blocks';
export { kinship, ageOf, ageAt, ageText, isChildAt, relationBetween, describeRelation, type Kin, type Relation } from './kinship';
export { layoutGenogram, type GenogramLayout } from './layout';
export { layoutEcomap, type EcomapLayout } from './ecomap-layout';
export { drawGenogram, svgText, escapeXml, type DrawOptions, type Drawing, type SvgElement } from './draw';
export { describeGenogram, type TextSection } from './describe';
export { genogramCss } from './style';
export { completionsAt, hoverAt, hoverInFile, renameTargetAt, renameEdits, invalidId, personAt, type EditedBlock, type Completion, type Completions, type HoverInfo, type RenameTarget, type TextEdit } from './editing';
