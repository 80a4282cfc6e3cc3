// The alternative viewpoint as a webview panel, for a shared screen in supervision: the same content as the
// Markdown document, with the competing-hypotheses matrix as a sortable table. It follows the active case file and
// updates as it changes. The extension sends the Viewpoint as data; webview/viewpoint.ts builds the page as DOM.
import * as vscode from 'vscode';
import type { Viewpoint } from '../core/index';
import { isCaseDocument } from './documents';
import { makeNonce, viewpointHtml } from './preview-html';
import { fileName, type Viewpoints } from './viewpoint';

export const viewpointViewType = 'casemark.viewpointPanel';
const debounceMs = 300;

/** Extension → webview. */
export type ViewpointToWebview = { type: 'update'; uri: string; fileName: string; version: number; viewpoint: Viewpoint };

/** Webview → extension. Only requests: the extension acts on the file it showed, never on a path the page names. */
export type ViewpointFromWebview =
  | { type: 'ready' }
  /** What the page drew: for tests. */
  | { type: 'rendered'; uri: string; version: number; sections: string[]; columns: string[]; rows: number }
  | { type: 'insert' }
  | { type: 'openDocument' };

/** What the panel keeps across a restart of VS Code (in the webview's state): only which file it showed. */
interface PanelState {
  uri?: string;
}

export class ViewpointPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private uri?: vscode.Uri;
  private timer?: ReturnType<typeof setTimeout>;
  /** Counts updates started, so a slower older one never overwrites a newer one. */
  private generation = 0;
  private lastPosted?: string;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly panelSubscriptions: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<Extract<ViewpointFromWebview, { type: 'rendered' }>>();
  /** Fires when the webview has drawn an update. */
  readonly onDidRender = this.rendered.event;
  /** The webview's last report of what it drew. */
  lastRendered?: Extract<ViewpointFromWebview, { type: 'rendered' }>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly viewpoints: Viewpoints,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // A case file becomes the panel's; any other editor leaves it as it is.
        if (!this.panel || !editor || !isCaseDocument(editor.document)) return;
        if (editor.document.uri.toString() !== this.uri?.toString()) this.show(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && event.document.uri.toString() === this.uri?.toString()) this.schedule(event.document);
      }),
      vscode.window.registerWebviewPanelSerializer(viewpointViewType, {
        deserializeWebviewPanel: async (panel, state: PanelState | undefined) => {
          this.adopt(panel);
          const uri = typeof state?.uri === 'string' ? vscode.Uri.parse(state.uri) : vscode.window.activeTextEditor?.document.uri;
          const document = uri && (await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined));
          if (document && isCaseDocument(document)) this.show(document);
          else panel.dispose();
        },
      }),
    );
  }

  /** Opens the panel beside the editor (or brings it forward) on a case file: the given one, else the active one. */
  async open(uri?: unknown): Promise<void> {
    const document = await this.viewpoints.caseDocument(uri);
    if (!document) {
      void vscode.window.showInformationMessage('CaseMark: open a case file (*.case.md) to show its alternative viewpoint.');
      return;
    }
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      this.adopt(vscode.window.createWebviewPanel(viewpointViewType, 'Alternative viewpoint', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {}));
    }
    this.show(document);
  }

  /** The case file the panel shows. */
  get documentUri(): vscode.Uri | undefined {
    return this.panel ? this.uri : undefined;
  }

  /** Handles a message as if the webview had sent it (the webview's messages all come through here). */
  async receive(message: ViewpointFromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.lastPosted = undefined;
        this.refresh();
        break;
      case 'rendered':
        this.lastRendered = message;
        this.rendered.fire(message);
        break;
      case 'insert':
        if (this.uri) await this.viewpoints.insert(this.uri);
        break;
      case 'openDocument':
        if (this.uri) await this.viewpoints.open(this.uri);
        break;
    }
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.disposePanel();
    this.panel = panel;
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    const base = panel.webview.asWebviewUri(root).toString().replace(/\/$/, '');
    panel.webview.html = viewpointHtml({ cspSource: panel.webview.cspSource, nonce: makeNonce(), base });
    this.lastPosted = undefined;
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((message: ViewpointFromWebview) => void this.receive(message)),
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
    if (this.panel) this.panel.title = `Viewpoint: ${fileName(document.uri)}`;
    clearTimeout(this.timer);
    void this.update(document);
  }

  private schedule(document: vscode.TextDocument): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(document), debounceMs);
  }

  private refresh(): void {
    const document = this.uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri?.toString());
    if (document) void this.update(document);
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    if (!this.panel || document.isClosed) return;
    const generation = ++this.generation;
    const built = await this.viewpoints.build(document);
    if (generation !== this.generation || !this.panel || document.uri.toString() !== this.uri?.toString()) return;
    const message: ViewpointToWebview = { type: 'update', uri: document.uri.toString(), fileName: fileName(document.uri), version: built.version, viewpoint: built.viewpoint };
    // An edit that changes nothing in the viewpoint sends nothing (the version alone is not worth a redraw).
    const key = JSON.stringify({ ...message, version: 0 });
    if (key === this.lastPosted) {
      if (this.lastRendered?.uri === message.uri) this.lastRendered = { ...this.lastRendered, version: built.version };
      return;
    }
    this.lastPosted = key;
    void this.panel.webview.postMessage(message);
  }

  private disposePanel(): void {
    clearTimeout(this.timer);
    this.panelSubscriptions.splice(0).forEach((s) => s.dispose());
    this.lastRendered = undefined;
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposePanel();
    this.subscriptions.forEach((s) => s.dispose());
    this.rendered.dispose();
  }
}
