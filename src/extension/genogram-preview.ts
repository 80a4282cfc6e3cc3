// The genogram preview: one webview panel beside the editor that draws every ```genogram and ```ecomap block of the
// active case file, redraws as you type and follows the active case file. The extension sends the blocks' text
// as data; the webview (webview/main.ts) reads and draws them with the shared core.
import * as vscode from 'vscode';
import { type FromWebview, type PreviewBlock, type ToWebview } from '../shared/diagrams';
import type { CaseDocuments } from './documents';
import type { GenogramExport } from './genogram-export';
import { CaseFilePanel } from './panel';
import { previewHtml } from '../shared/preview-html';
import { fileName } from './viewpoint';

export const previewViewType = 'casemark.genogramPreview';

type Png = Extract<FromWebview, { type: 'png' }>;

export class GenogramPreview extends CaseFilePanel<ToWebview, FromWebview, Extract<FromWebview, { type: 'rendered' }>> {
  private blocks: PreviewBlock[] = [];
  private version = 0;
  /** Counts updates started, so a slower older one never overwrites a newer one. */
  private generation = 0;
  private requests = 0;
  private readonly pngRequests = new Map<number, (message: Png) => void>();

  constructor(
    extensionUri: vscode.Uri,
    documents: CaseDocuments,
    private readonly exporter: GenogramExport,
  ) {
    super(extensionUri, documents, { viewType: previewViewType, title: 'Genogram Preview', titlePrefix: 'Genogram', html: previewHtml });
  }

  /** Opens the preview beside the editor (or brings it forward) on a document: the given one, else the active editor's. */
  async open(uri?: vscode.Uri): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('CaseMark: open a case file (*.case.md) to preview its genograms.');
      return;
    }
    this.showBeside(document);
  }

  async receive(message: FromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.pageReady();
        break;
      case 'reveal':
        await this.reveal(message);
        break;
      case 'rendered':
        this.pageRendered(message);
        break;
      case 'exportSvg':
        if (this.uri) await this.exporter.exportSvg(this.uri, message.block === undefined ? undefined : [message.block]);
        break;
      case 'png': {
        const waiting = message.request === undefined ? undefined : this.pngRequests.get(message.request);
        if (waiting) {
          this.pngRequests.delete(message.request as number);
          waiting(message);
        } else if (this.uri) {
          if (message.error) void vscode.window.showErrorMessage(`CaseMark could not make the PNG: ${message.error}`);
          else await this.exporter.writePngs(this.uri, this.blocks, message.images);
        }
        break;
      }
    }
  }

  /** Asks the webview for PNGs of the blocks (all by default); opens the preview on the document first if needed. */
  async renderPngs(uri: vscode.Uri, blocks?: number[], timeoutMs = 30_000): Promise<{ blocks: PreviewBlock[]; images: Array<{ block: number; data: string }> }> {
    if (!this.panel || this.uri?.toString() !== uri.toString()) await this.open(uri);
    if (this.lastRendered?.uri !== uri.toString() || this.lastRendered.version !== this.version) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          listener.dispose();
          reject(new Error('the preview did not draw in time'));
        }, timeoutMs);
        const listener = this.onDidRender((report) => {
          if (report.uri !== uri.toString()) return;
          clearTimeout(timer);
          listener.dispose();
          resolve();
        });
      });
    }
    const request = ++this.requests;
    const answer = await new Promise<Png>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pngRequests.delete(request);
        reject(new Error('the preview did not answer in time'));
      }, timeoutMs);
      this.pngRequests.set(request, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      this.post({ type: 'renderPng', request, blocks });
    });
    if (answer.error) throw new Error(answer.error);
    return { blocks: this.blocks, images: answer.images };
  }

  protected restore(document: vscode.TextDocument | undefined): void {
    if (document) this.show(document);
    else this.post({ type: 'update', uri: '', fileName: 'no file', version: 0, blocks: [] });
  }

  protected async update(document: vscode.TextDocument): Promise<void> {
    if (!this.panel || document.isClosed) return;
    const generation = ++this.generation;
    // The extension's analysis (incremental, shared with the diagnostics); a one-off reading of a file CaseMark does not track.
    const { model } = this.documents.upToDateAnalysis(document) ?? (await this.documents.analysisOfAny(document));
    if (generation !== this.generation || !this.panel || document.uri.toString() !== this.uri?.toString()) return;
    this.blocks = model.diagrams.map((d) => ({ kind: d.kind, source: d.source, fenceLine: d.position.start.line }));
    this.version = document.version;
    const dated = /^(\d{4})/.exec(String(model.frontmatter.date ?? ''));
    this.postUpdate({ type: 'update', uri: document.uri.toString(), fileName: fileName(document.uri), version: document.version, blocks: this.blocks, ...(dated ? { caseYear: Number(dated[1]) } : {}) });
  }

  /** Selects the line a person (or a problem) was written on, in the editor that shows the file or a new one. */
  private async reveal(message: Extract<FromWebview, { type: 'reveal' }>): Promise<void> {
    const uri = this.uri;
    const block = this.blocks[message.block];
    if (!uri || !block || (message.uri && message.uri !== uri.toString()) || !Number.isInteger(message.line) || message.line < 0) return;
    const document = await vscode.workspace.openTextDocument(uri);
    // The block's content line n is file line fenceLine + 1 + n (1-based), so fenceLine + n counting from 0.
    const line = Math.min(block.fenceLine + message.line, document.lineCount - 1);
    const text = document.lineAt(line);
    const range = new vscode.Range(line, text.firstNonWhitespaceCharacterIndex, line, text.range.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  protected override disposePanel(): void {
    super.disposePanel();
    for (const waiting of this.pngRequests.values()) waiting({ type: 'png', images: [], error: 'the preview was closed' });
    this.pngRequests.clear();
  }
}
