// What the genogram preview and the viewpoint panel have in common: one webview panel beside the editor that shows a
// case file, follows the active case file, updates with each analysis CaseDocuments announces (a Markdown file
// CaseMark does not track: after the same debounce), and comes back after a restart of VS Code. Each panel says
// what it sends, and handles the messages of its own page.
import * as vscode from 'vscode';
import { besideColumn } from './columns';
import { isCaseDocument, type CaseDocuments } from './documents';
import { makeNonce, type PreviewPage } from '../shared/preview-html';
import { fileName } from './viewpoint';

/** What the panel keeps across a restart of VS Code (in the webview's state): only which file it showed. */
interface PanelState {
  uri?: string;
}

export interface PanelKind {
  viewType: string;
  /** The title of a new panel, until it shows a file. */
  title: string;
  /** The title while it shows a file: `${titlePrefix}: family.case.md`. */
  titlePrefix: string;
  html(page: PreviewPage): string;
}

/** The panel posts `ToWebview` and hears `FromWebview`, of which `Rendered` is the page's report of a drawn update. */
export abstract class CaseFilePanel<ToWebview, FromWebview, Rendered extends { uri: string; version: number }> implements vscode.Disposable {
  protected panel?: vscode.WebviewPanel;
  protected uri?: vscode.Uri;
  private timer?: ReturnType<typeof setTimeout>;
  /** The last update posted, as JSON without its version: an edit that changes nothing shown sends nothing. */
  private lastPosted?: string;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly panelSubscriptions: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<Rendered>();
  /** Fires when the webview has drawn an update. */
  readonly onDidRender = this.rendered.event;
  /** The webview's last report of what it drew. */
  lastRendered?: Rendered;

  constructor(
    private readonly extensionUri: vscode.Uri,
    protected readonly documents: CaseDocuments,
    private readonly kind: PanelKind,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // A case file becomes the panel's; any other editor leaves it as it is.
        if (!this.panel || !editor || !isCaseDocument(editor.document)) return;
        if (editor.document.uri.toString() !== this.uri?.toString()) this.show(editor.document);
      }),
      documents.onDidAnalyse(({ document }) => {
        if (this.panel && document.uri.toString() === this.uri?.toString()) {
          clearTimeout(this.timer);
          void this.update(document);
        }
      }),
      // A file CaseMark does not analyse as you type is read again by the panel itself, after the same pause.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && event.document.uri.toString() === this.uri?.toString() && !documents.tracks(event.document)) this.schedule(event.document);
      }),
      vscode.window.registerWebviewPanelSerializer(kind.viewType, {
        deserializeWebviewPanel: async (panel, state: PanelState | undefined) => {
          this.adopt(panel);
          const uri = typeof state?.uri === 'string' ? vscode.Uri.parse(state.uri) : vscode.window.activeTextEditor?.document.uri;
          const document = uri && (await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined));
          this.restore(document, panel);
        },
      }),
    );
  }

  /** Handles a message as if the webview had sent it (the webview's messages all come through here). */
  abstract receive(message: FromWebview): Promise<void>;

  /** Builds and posts what the panel shows of the document (through `postUpdate`). */
  protected abstract update(document: vscode.TextDocument): void | Promise<void>;

  /** After a restart of VS Code, in the restored panel: shows the document it showed (if it could be opened), or gives up. */
  protected abstract restore(document: vscode.TextDocument | undefined, panel: vscode.WebviewPanel): void;

  /** The document the panel shows. */
  get documentUri(): vscode.Uri | undefined {
    return this.panel ? this.uri : undefined;
  }

  /** Brings the panel forward beside the editor, or opens it there, keeping the editor's focus; shows the document. */
  protected showBeside(document: vscode.TextDocument): void {
    if (this.panel) {
      // Where it is, unless that is the editor's own column: then into the one beside it.
      const active = vscode.window.tabGroups.activeTabGroup.viewColumn;
      this.panel.reveal(this.panel.viewColumn !== undefined && this.panel.viewColumn !== active ? this.panel.viewColumn : besideColumn(), true);
    } else {
      this.adopt(vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title, { viewColumn: besideColumn(), preserveFocus: true }, {}));
    }
    this.show(document);
  }

  /** The page has (re)loaded and knows nothing: send it the document again, even if unchanged. */
  protected pageReady(): void {
    this.lastPosted = undefined;
    const document = this.uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri?.toString());
    if (document) void this.update(document);
  }

  protected pageRendered(report: Rendered): void {
    this.lastRendered = report;
    this.rendered.fire(report);
  }

  /** Posts an update unless it shows what the last one did; then the drawing stands for this version too. */
  protected postUpdate(message: ToWebview & { uri: string; version: number }): void {
    const key = JSON.stringify({ ...message, version: 0 });
    if (key === this.lastPosted) {
      if (this.lastRendered?.uri === message.uri) this.lastRendered = { ...this.lastRendered, version: message.version };
      return;
    }
    this.lastPosted = key;
    this.post(message);
  }

  protected post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.disposePanel();
    this.panel = panel;
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    const base = panel.webview.asWebviewUri(root).toString().replace(/\/$/, '');
    panel.webview.html = this.kind.html({ cspSource: panel.webview.cspSource, nonce: makeNonce(), base });
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

  protected show(document: vscode.TextDocument): void {
    this.uri = document.uri;
    if (this.panel) this.panel.title = `${this.kind.titlePrefix}: ${fileName(document.uri)}`;
    clearTimeout(this.timer);
    void this.update(document);
  }

  private schedule(document: vscode.TextDocument): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(document), this.documents.debounceMs);
  }

  /** The panel closed (or another took its place): what belonged to it goes. */
  protected disposePanel(): void {
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
