// The genogram preview's shared ground, pure (no vscode, no DOM): the messages between the extension and its
// webview, reading and drawing every diagram block of a file, and the names of exported files. Bundled into the
// extension, the webview (webview/main.ts) and used by the Markdown preview plugin.
import { drawGenogram, drawingFileName, parseDiagrams, type DrawOptions, type Drawing, type Genogram } from '../core/genogram/index';

export type DiagramKind = Genogram['kind'];

/** One ```genogram or ```ecomap block as the webview receives it: data, never markup. */
export interface PreviewBlock {
  kind: DiagramKind;
  source: string;
  /** 1-based line of the opening fence in the case file; content line n is file line fenceLine + 1 + n (1-based). */
  fenceLine: number;
}

/** Extension → webview. */
export type ToWebview =
  /** `caseYear`: the year of the case file's frontmatter date, when it has one (ages from birth years). */
  | { type: 'update'; uri: string; fileName: string; version: number; blocks: PreviewBlock[]; caseYear?: number }
  /** Draw these blocks (all when absent) as PNG and answer with `png`. */
  | { type: 'renderPng'; request: number; blocks?: number[] };

/** Per block, what the webview drew: for the extension's tests and its export of PNGs. */
export interface RenderedBlock {
  kind: DiagramKind;
  people: number;
  /** People drawn: `.person` groups with a `data-key` in the SVG (the legend's samples have none). */
  drawnPeople: number;
  problems: number;
}

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; uri?: string; version?: number; block: number; line: number }
  | { type: 'rendered'; uri: string; version: number; blocks: RenderedBlock[] }
  /** The Export SVG button: the extension draws and writes the file itself. */
  | { type: 'exportSvg'; block?: number }
  /** PNG bytes (base64) for `renderPng`'s request, or from the Export PNG button when `request` is absent. */
  | { type: 'png'; request?: number; images: Array<{ block: number; data: string }>; error?: string };

export interface DrawnBlock {
  kind: DiagramKind;
  genogram: Genogram;
  /** Absent when drawing threw: the caller keeps what it showed before. */
  drawing?: Drawing;
  error?: string;
}

/** Reads and draws every block; a block whose drawing fails keeps its reading and says why. */
export function drawBlocks(blocks: ReadonlyArray<{ kind: DiagramKind; source: string }>, options: DrawOptions = {}): DrawnBlock[] {
  // The core reads genograms first, so that an ecomap knows their people wherever it stands.
  return parseDiagrams(blocks).map((genogram, n) => {
    const kind = (blocks[n] as { kind: DiagramKind }).kind;
    try {
      return { kind, genogram, drawing: drawGenogram(genogram, options) };
    } catch (error) {
      return { kind, genogram, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** "Genogram 1", "Ecomap 2": numbered within each kind, in file order. */
export function blockTitles(blocks: ReadonlyArray<{ kind: DiagramKind }>): string[] {
  const counts = { genogram: 0, ecomap: 0 };
  return blocks.map((block) => `${block.kind === 'genogram' ? 'Genogram' : 'Ecomap'} ${++counts[block.kind]}`);
}

/**
 * File names for exported drawings, as the CLI names them: `family-a.genogram.svg`, `family-a.genogram-2.svg`,
 * `family-a.ecomap.svg`, numbered within each kind in file order, so a block keeps its name while blocks of the
 * other kind come and go.
 */
export function exportNames(fileName: string, blocks: ReadonlyArray<{ kind: DiagramKind }>, extension: 'svg' | 'png'): string[] {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const counts = { genogram: 0, ecomap: 0 };
  return blocks.map((block) => drawingFileName(base, block.kind, ++counts[block.kind], extension));
}

/** A block to start from, shown when a file has none (it reads without problems). */
export const exampleBlock = ['```genogram', 'person sara female 34', 'person dan male 36', 'sara + dan married 2014', 'person amy female 8 index', 'amy children of sara + dan', '```'].join('\n');
