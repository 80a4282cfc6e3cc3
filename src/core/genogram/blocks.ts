// Reading every diagram block of one file together: an ecomap may name people from the file's genograms.
import { parseDiagram } from './grammar';
import type { Genogram, GenogramPerson } from './types';

export interface DiagramBlock {
  kind: Genogram['kind'];
  source: string;
  /** Offsets in the case file of each content line, when known. */
  lineStarts?: number[];
}

/** Genograms first, so that every ecomap, wherever it stands, knows the genograms' people. */
export function parseDiagrams(blocks: readonly DiagramBlock[]): Genogram[] {
  const result: Genogram[] = new Array<Genogram>(blocks.length);
  const known: GenogramPerson[] = [];
  blocks.forEach((block, n) => {
    if (block.kind !== 'genogram') return;
    result[n] = parseDiagram('genogram', block.source, { lineStarts: block.lineStarts });
    known.push(...(result[n] as Genogram).people.filter((p) => p.declared));
  });
  blocks.forEach((block, n) => {
    if (block.kind === 'ecomap') result[n] = parseDiagram('ecomap', block.source, { lineStarts: block.lineStarts, known });
  });
  return result;
}

/**
 * The file name an exported drawing gets, beside its case file: `family-a.genogram.svg`, then
 * `family-a.genogram-2.svg` for the second genogram block; ecomaps likewise.
 */
export function drawingFileName(caseFileName: string, kind: Genogram['kind'], nthOfKind: number, extension = 'svg'): string {
  const base = caseFileName.replace(/\.case\.md$/i, '').replace(/\.(md|markdown)$/i, '');
  return `${base}.${kind}${nthOfKind > 1 ? `-${nthOfKind}` : ''}.${extension}`;
}
