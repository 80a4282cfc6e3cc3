// The alternative viewpoint as a readable page (what casemark.alternativeViewpoint opens), for a narrow pane beside
// the case file or a shared screen in supervision: the same content as the Markdown document, with the
// competing-hypotheses matrix as a sortable table, or as cards when the pane is narrow. It follows the active case file and
// updates as it changes. The extension sends the Viewpoint as data; webview/viewpoint.ts builds the page as DOM.
import * as vscode from 'vscode';
import { isCaseDocument, type CaseDocuments } from './documents';
import { CaseFilePanel } from './panel';
import { viewpointHtml } from '../shared/preview-html';
import type { ViewpointFromWebview, ViewpointToWebview } from '../shared/viewpoint-protocol';
import { fileName, type Viewpoints } from './viewpoint';

export const viewpointViewType = 'casemark.viewpointPanel';

export class ViewpointPanel extends CaseFilePanel<ViewpointToWebview, ViewpointFromWebview, Extract<ViewpointFromWebview, { type: 'rendered' }>> {
  /** Counts updates started, so a slower older one never overwrites a newer one. */
  private generation = 0;

  constructor(
    extensionUri: vscode.Uri,
    documents: CaseDocuments,
    private readonly viewpoints: Viewpoints,
  ) {
    super(extensionUri, documents, { viewType: viewpointViewType, title: 'Alternative viewpoint', titlePrefix: 'Viewpoint', html: viewpointHtml });
  }

  /** Opens the panel beside the editor (or brings it forward) on a case file: the given one, else the active one. */
  async open(uri?: unknown): Promise<void> {
    const document = await this.viewpoints.caseDocument(uri);
    if (!document) {
      void vscode.window.showInformationMessage('CaseMark: open a case file (*.case.md) to show its alternative viewpoint.');
      return;
    }
    this.showBeside(document);
  }

  async receive(message: ViewpointFromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.pageReady();
        break;
      case 'rendered':
        this.pageRendered(message);
        break;
      case 'insert':
        if (this.uri) await this.viewpoints.insert(this.uri);
        break;
      case 'openDocument':
        if (this.uri) await this.viewpoints.openMarkdown(this.uri);
        break;
    }
  }

  protected restore(document: vscode.TextDocument | undefined, panel: vscode.WebviewPanel): void {
    if (document && isCaseDocument(document)) this.show(document);
    else panel.dispose();
  }

  protected async update(document: vscode.TextDocument): Promise<void> {
    if (!this.panel || document.isClosed) return;
    const generation = ++this.generation;
    const built = await this.viewpoints.build(document);
    if (generation !== this.generation || !this.panel || document.uri.toString() !== this.uri?.toString()) return;
    // An edit that changes nothing in the viewpoint sends nothing (the version alone is not worth a redraw).
    this.postUpdate({ type: 'update', uri: document.uri.toString(), fileName: fileName(document.uri), version: built.version, viewpoint: built.viewpoint });
  }
}
