// The alternative viewpoint: built from the case model, written as Markdown or drawn as a table.
export { buildViewpoint, turnAround, type Block, type Mark, type Matrix, type MatrixRow, type Viewpoint, type ViewpointSection } from './build';
export { phrasesWith, phraseKeys, placeholdersOf, isPhraseKey, unknownPlaceholders, type Phrases, type PhraseKey } from './phrases';
export { viewpointBlock, viewpointDocument, viewpointInsertion, viewpointStart, viewpointEnd, markWord, type TextEdit } from './markdown';
