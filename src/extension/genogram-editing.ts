// Completion, hover and rename (F2) inside ```genogram and ```ecomap blocks of case files: a thin adapter over
// src/core/genogram/editing.ts. Rename is one WorkspaceEdit, so one undo step puts every line back.
import * as vscode from 'vscode';
import { caseYear, type Analysis, type Diagram } from '../core/index';
import { completionsAt, hoverInFile, renameEdits, renameTargetAt, type EditedBlock, type GenogramPerson } from '../core/genogram/index';
import type { CaseDocuments } from './documents';

const selector: vscode.DocumentSelector = [{ language: 'markdown' }];

interface Place {
  analysis: Analysis;
  diagram: Diagram;
  block: EditedBlock;
  /** Content line of the block, and column in it. */
  line: number;
  column: number;
  offset: number;
}

function blockOf(diagram: Diagram): EditedBlock {
  return { kind: diagram.kind, source: diagram.source, genogram: diagram.genogram };
}

/** The diagram block the position is in (between its fences), from an analysis of exactly the document's text. */
async function placeAt(documents: CaseDocuments, document: vscode.TextDocument, position: vscode.Position): Promise<Place | undefined> {
  // A stale analysis says cheaply whether the cursor is in a block at all; then one of the current text is made.
  const stale = documents.analysisOf(document);
  if (!stale?.model.diagrams.some((d) => position.line >= d.position.start.line - 1 && position.line <= d.position.end.line)) return undefined;
  const analysis = await documents.analysisNow(document);
  if (!analysis) return undefined;
  for (const diagram of analysis.model.diagrams) {
    // Content line 0 is the line after the opening fence (unist lines count from 1).
    const line = position.line - diagram.position.start.line;
    const lines = diagram.source.split(/\r?\n/).length;
    const start = diagram.genogram.lineStarts[line];
    if (line < 0 || line >= lines || start === undefined) continue;
    const offset = document.offsetAt(position);
    if (offset < start) continue;
    return { analysis, diagram, block: blockOf(diagram), line, column: offset - start, offset };
  }
  return undefined;
}

function genogramsOf(analysis: Analysis): Diagram[] {
  return analysis.model.diagrams.filter((d) => d.kind === 'genogram');
}

function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

class GenogramCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly documents: CaseDocuments) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const place = await placeAt(this.documents, document, position);
    if (!place) return undefined;
    // An ecomap may name the file's genogram people.
    const known: GenogramPerson[] = place.diagram.kind === 'ecomap' ? genogramsOf(place.analysis).flatMap((d) => d.genogram.people) : [];
    const { from, items } = completionsAt(place.block, place.line, place.column, known);
    const range = new vscode.Range(position.line, position.character - (place.column - from), position.line, position.character);
    return items.map((item, n) => {
      const completion = new vscode.CompletionItem({ label: item.label, description: item.kind === 'person' ? 'person' : undefined }, item.kind === 'person' ? vscode.CompletionItemKind.Variable : vscode.CompletionItemKind.Keyword);
      completion.insertText = item.insert;
      completion.detail = item.detail;
      completion.range = range;
      // Kept in the order the core gives: the words that fit first.
      completion.sortText = String(n).padStart(4, '0');
      return completion;
    });
  }
}

class GenogramHovers implements vscode.HoverProvider {
  constructor(private readonly documents: CaseDocuments) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const place = await placeAt(this.documents, document, position);
    if (!place) return undefined;
    const { analysis, diagram, block, offset } = place;
    const info = hoverInFile(analysis.model.diagrams.map(blockOf), analysis.model.diagrams.indexOf(diagram), offset, caseYear(analysis.model.frontmatter));
    if (!info) return undefined;
    // Names and lines are the writer's text: appended as text and code, never read as Markdown.
    const markdown = new vscode.MarkdownString();
    markdown.appendText(info.summary);
    markdown.appendCodeblock(info.line, block.kind);
    return new vscode.Hover(markdown, rangeOf(document, info.span));
  }
}

class GenogramRename implements vscode.RenameProvider {
  constructor(private readonly documents: CaseDocuments) {}

  async prepareRename(document: vscode.TextDocument, position: vscode.Position): Promise<{ range: vscode.Range; placeholder: string }> {
    const place = await placeAt(this.documents, document, position);
    if (!place) throw new Error('CaseMark renames ids inside ```genogram and ```ecomap blocks.');
    const target = renameTargetAt(place.block.genogram, place.offset);
    if (typeof target === 'string') throw new Error(target);
    return { range: rangeOf(document, target.span), placeholder: target.id };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
    const place = await placeAt(this.documents, document, position);
    if (!place) throw new Error('CaseMark renames ids inside ```genogram and ```ecomap blocks.');
    const target = renameTargetAt(place.block.genogram, place.offset);
    if (typeof target === 'string') throw new Error(target);
    const edits = renameEdits(place.analysis.model.diagrams.map((d) => d.genogram), target.key, newName);
    if (typeof edits === 'string') throw new Error(edits);
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(document.uri, rangeOf(document, e), e.text);
    return edit;
  }
}

/** Completion (after space, +, -, >, comma and colon), hover and rename for diagram blocks in case files. */
export function registerGenogramEditing(documents: CaseDocuments): vscode.Disposable[] {
  return [
    vscode.languages.registerCompletionItemProvider(selector, new GenogramCompletions(documents), ' ', '+', '-', '>', ',', ':'),
    vscode.languages.registerHoverProvider(selector, new GenogramHovers(documents)),
    vscode.languages.registerRenameProvider(selector, new GenogramRename(documents)),
  ];
}
