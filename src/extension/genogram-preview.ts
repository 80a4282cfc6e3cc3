// The genogram preview: one webview panel beside the editor that draws every ```genogram and ```ecomap block of the
// active case file, redraws as you type and follows the active case file. The extension sends the blocks' text
// as data; the webview (webview/main.ts) reads and draws them with the shared core.
import * as vscode from 'vscode';
import { analyse } from '../core/index';
import { type FromWebview, type PreviewBlock, type RenderedBlock, type ToWebview } from './diagrams';
import { isCaseDocument, type CaseDocuments } from './documents';
import type { GenogramExport } from './genogram-export';
import { makeNonce, previewHtml } from './preview-html';

export const previewViewType = 'casemark.genogramPreview';
const debounceMs = 300;

/** What the panel keeps across a restart of VS Code: only which file it showed (the webview keeps its zoom). */
interface PanelState {
  uri?: string;
}

export class GenogramPreview implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private uri?: vscode.Uri;
  private timer?: ReturnType<typeof setTimeout>;
  /** The last update posted, as JSON: an edit outside the diagrams sends nothing. */
  private lastPosted?: string;
  private blocks: PreviewBlock[] = [];
  private version = 0;
  private requests = 0;
  private readonly pngRequests = new Map<number, (message: Extract<FromWebview, { type: 'png' }>) => void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly panelSubscriptions: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<Extract<FromWebview, { type: 'rendered' }>>();
  /** Fires when the webview has drawn an update: what it drew, per block. */
  readonly onDidRender = this.rendered.event;
  /** The webview's last report of what it drew. */
  lastRendered?: { uri: string; version: number; blocks: RenderedBlock[] };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly documents: CaseDocuments,
    private readonly exporter: GenogramExport,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // A case file becomes the preview's; any other editor leaves it as it is.
        if (!this.panel || !editor || !isCaseDocument(editor.document)) return;
        if (editor.document.uri.toString() !== this.uri?.toString()) this.show(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && event.document.uri.toString() === this.uri?.toString()) this.schedule(event.document);
      }),
      vscode.window.registerWebviewPanelSerializer(previewViewType, {
        deserializeWebviewPanel: async (panel, state: PanelState | undefined) => {
          this.adopt(panel);
          const uri = typeof state?.uri === 'string' ? vscode.Uri.parse(state.uri) : vscode.window.activeTextEditor?.document.uri;
          const document = uri && (await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined));
          if (document) this.show(document);
          else this.post({ type: 'update', uri: '', fileName: 'no file', version: 0, blocks: [] });
        },
      }),
    );
  }

  /** Opens the preview beside the editor (or brings it forward) on a document: the given one, else the active editor's. */
  async open(uri?: vscode.Uri): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('CaseMark: open a case file (*.case.md) to preview its genograms.');
      return;
    }
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(previewViewType, 'Genogram Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
      this.adopt(panel);
    }
    this.show(document);
  }

  /** The document the preview shows. */
  get documentUri(): vscode.Uri | undefined {
    return this.panel ? this.uri : undefined;
  }

  /** Handles a message as if the webview had sent it (the webview's messages all come through here). */
  async receive(message: FromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.lastPosted = undefined;
        this.refresh();
        break;
      case 'reveal':
        await this.reveal(message);
        break;
      case 'rendered':
        this.lastRendered = { uri: message.uri, version: message.version, blocks: message.blocks };
        this.rendered.fire(message);
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
    const answer = await new Promise<Extract<FromWebview, { type: 'png' }>>((resolve, reject) => {
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

  private adopt(panel: vscode.WebviewPanel): void {
    this.disposePanel();
    this.panel = panel;
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    const base = panel.webview.asWebviewUri(root).toString().replace(/\/$/, '');
    panel.webview.html = previewHtml({ cspSource: panel.webview.cspSource, nonce: makeNonce(), base });
    this.lastPosted = undefined;
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message)),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.disposePanel();
        }
      }),
    );
  }

  private show(document: vscode.TextDocument): void {
    this.uri = document.uri;
    if (this.panel) this.panel.title = `Genogram: ${fileName(document.uri)}`;
    clearTimeout(this.timer);
    this.update(document);
  }

  private schedule(document: vscode.TextDocument): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(document), debounceMs);
  }

  private refresh(): void {
    const document = this.uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri?.toString());
    if (document) this.update(document);
  }

  private update(document: vscode.TextDocument): void {
    if (!this.panel || document.isClosed) return;
    // The extension's analysis when there is one (incremental, shared with the diagnostics); a one-off
    // reading when CaseMark is turned off for the file or its settings are still being looked up.
    const model = (this.documents.currentAnalysis(document) ?? analyse(document.getText(), { path: document.uri.path })).model;
    this.blocks = model.diagrams.map((d) => ({ kind: d.kind, source: d.source, fenceLine: d.position.start.line }));
    this.version = document.version;
    const message: ToWebview = { type: 'update', uri: document.uri.toString(), fileName: fileName(document.uri), version: document.version, blocks: this.blocks };
    const key = JSON.stringify({ ...message, version: 0 });
    if (key === this.lastPosted) {
      if (this.lastRendered?.uri === message.uri) this.lastRendered = { ...this.lastRendered, version: document.version };
      return;
    }
    this.lastPosted = key;
    this.post(message);
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
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

  private disposePanel(): void {
    clearTimeout(this.timer);
    this.panelSubscriptions.splice(0).forEach((s) => s.dispose());
    for (const waiting of this.pngRequests.values()) waiting({ type: 'png', images: [], error: 'the preview was closed' });
    this.pngRequests.clear();
    this.lastRendered = undefined;
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposePanel();
    this.subscriptions.forEach((s) => s.dispose());
    this.rendered.dispose();
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
