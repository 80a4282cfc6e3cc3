// The viewpoint as Markdown: a document of its own (opened beside the case), or a section inside the case file
// between markers, so that inserting it again replaces only what CaseMark wrote.
import type { CaseModel } from '../model/case';
import type { Block, Matrix, Viewpoint } from './build';

export const viewpointStart = '<!-- casemark-viewpoint -->';
export const viewpointEnd = '<!-- /casemark-viewpoint -->';

/**
 * Text from the case file (names, statements, evidence) as Markdown text, never markup: a name written as
 * `<img src=x onerror=…>` is shown as those characters, not copied in as HTML.
 */
export function markdownText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cell(text: string): string {
  return markdownText(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

export function markWord(matrix: Matrix, mark: Matrix['rows'][number]['marks'][number]): string {
  return mark === 'fits' ? matrix.words.fits : mark === 'does-not-fit' ? matrix.words.doesNotFit : matrix.words.notAssessed;
}

function matrixTable(matrix: Matrix): string {
  const head = [matrix.words.evidence, matrix.words.source, ...matrix.hypotheses.map((h) => h.label)];
  const lines = [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const row of matrix.rows) {
    lines.push(`| ${[row.evidence, row.source ?? '', ...row.marks.map((m) => markWord(matrix, m))].map(cell).join(' | ')} |`);
  }
  const key = matrix.hypotheses.map((h) => `${h.label}: ${h.statement}`).join('; ');
  return `${lines.join('\n')}\n\n${cell(key)}.`;
}

function blockText(block: Block): string {
  if (block.kind === 'paragraph') return markdownText(block.text);
  if (block.kind === 'list') return block.items.map((item) => `- ${markdownText(item)}`).join('\n');
  return matrixTable(block.matrix);
}

function sectionsText(viewpoint: Viewpoint, depth: number): string {
  const hashes = '#'.repeat(Math.min(6, depth));
  return viewpoint.sections.map((s) => [`${hashes} ${markdownText(s.heading)}`, ...s.blocks.map(blockText)].join('\n\n')).join('\n\n');
}

/** A Markdown document of its own, for an untitled editor beside the case file. */
export function viewpointDocument(viewpoint: Viewpoint): string {
  const title = viewpoint.caseName ? `${viewpoint.title}: ${viewpoint.caseName}` : viewpoint.title;
  return `# ${markdownText(title)}\n\n*${markdownText(viewpoint.intro)}*\n\n${sectionsText(viewpoint, 2)}\n`;
}

/** What goes between the markers inside the case file, with subheadings one level below the section's heading. */
export function viewpointBlock(viewpoint: Viewpoint, sectionDepth: number): string {
  return `${viewpointStart}\n\n*${viewpoint.intro} ${viewpoint.generatedNote}*\n\n${sectionsText(viewpoint, sectionDepth + 1)}\n\n${viewpointEnd}`;
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * One edit that puts the viewpoint into the case file: in place of an earlier one between the markers (found in the
 * parsed document, so a marker quoted in code or a lone marker never counts); else at the top of an existing
 * Alternative viewpoint section, keeping what the writer put there; else as a new section before the plan, or at the end.
 */
export function viewpointInsertion(text: string, model: CaseModel, viewpoint: Viewpoint): TextEdit {
  const section = model.sections.find((s) => s.kind === 'viewpoint');
  const depth = section?.depth ?? 2;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const block = viewpointBlock(viewpoint, depth).replace(/\n/g, newline);
  if (model.generatedViewpoint) return { start: model.generatedViewpoint.start, end: model.generatedViewpoint.end, text: block };
  if (section) {
    const at = section.heading.end.offset ?? 0;
    return { start: at, end: at, text: `${newline}${newline}${block}` };
  }
  const plan = model.sections.find((s) => s.kind === 'plan' && s.depth <= 2);
  const heading = `${'#'.repeat(depth)} ${viewpoint.title}${newline}${newline}${block}`;
  if (plan) {
    const at = plan.heading.start.offset ?? text.length;
    return { start: at, end: at, text: `${heading}${newline}${newline}` };
  }
  const ending = text.length === 0 ? '' : text.endsWith(`${newline}${newline}`) ? '' : text.endsWith(newline) ? newline : `${newline}${newline}`;
  return { start: text.length, end: text.length, text: `${ending}${heading}${newline}` };
}
