// The alternative viewpoint in the editor: built by the core from the case file's current text. The command shows it
// as a readable page (viewpoint-panel.ts); from there it opens as a new untitled Markdown document beside the case
// file (nothing written to disk), or goes into the case file as one edit.
import * as vscode from 'vscode';
import { besideColumn } from './columns';
import { buildViewpoint, phrasesWith, viewpointDocument, viewpointInsertion, type Analysis, type Viewpoint } from '../core/index';
import { isCaseDocument, type CaseDocuments } from './documents';
import { openUntitled } from './untitled';

/** A viewpoint and exactly what it was built from: the document's text at one version. */
export interface BuiltViewpoint {
  document: vscode.TextDocument;
  version: number;
  text: string;
  analysis: Analysis;
  viewpoint: Viewpoint;
}

const insertButton = 'Insert into case file';

export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export class Viewpoints implements vscode.Disposable {
  /** The untitled documents opened by the command, and the case file each was made from. */
  private readonly opened = new Map<string, vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly documents: CaseDocuments) {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((d) => this.opened.delete(d.uri.toString())),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
    );
  }

  /** The viewpoint of the document's text now: the extension's own analysis when it has one of this version. */
  async build(document: vscode.TextDocument): Promise<BuiltViewpoint> {
    for (;;) {
      // The extension's analysis of this version, or (CaseMark off for the file) a one-off one with the same settings.
      const version = document.version;
      const analysis = await this.documents.analysisOfAny(document);
      if (document.version === version) return this.made(document, analysis);
    }
  }

  private made(document: vscode.TextDocument, analysis: Analysis): BuiltViewpoint {
    const text = document.getText();
    const viewpoint = buildViewpoint(analysis, text, phrasesWith(analysis.config.viewpoint.phrases));
    return { document, version: document.version, text, analysis, viewpoint };
  }

  /**
   * The case file a command is about: the one it was given; else the active editor's; else, from a viewpoint
   * document this opened, the file it was made from; else the only case file in view.
   */
  async caseDocument(uri?: unknown): Promise<vscode.TextDocument | undefined> {
    if (uri instanceof vscode.Uri) {
      const document = await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined);
      return document && isCaseDocument(document) ? document : undefined;
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active && isCaseDocument(active)) return active;
    const source = active && this.opened.get(active.uri.toString());
    if (source) return this.caseDocument(source);
    const visible = [...new Set(vscode.window.visibleTextEditors.map((e) => e.document).filter(isCaseDocument))];
    return visible.length === 1 ? visible[0] : undefined;
  }

  /** `casemark.openViewpointMarkdown` ("Open as Markdown"): the document, untitled, beside the case file; then offers to insert it. */
  async openMarkdown(uri?: unknown): Promise<vscode.TextDocument | undefined> {
    const document = await this.caseDocument(uri);
    if (!document) return noCaseFile();
    const built = await this.build(document);
    const content = viewpointDocument(built.viewpoint);
    const opened = await openUntitled(content, 'the alternative viewpoint');
    if (!opened) return undefined;
    this.opened.set(opened.uri.toString(), document.uri);
    // Beside the case file, in the column its page or other views already use.
    const caseColumn = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn;
    await vscode.window.showTextDocument(opened, { viewColumn: besideColumn(caseColumn), preview: false });
    this.updateContext();
    // Not awaited: the message stays until it is answered or dismissed, and the command has done its work.
    void vscode.window
      .showInformationMessage(`CaseMark: the alternative viewpoint of ${fileName(document.uri)} is open beside it, unsaved. It can also go into the case file, as one edit.`, insertButton)
      .then((answer) => (answer === insertButton ? vscode.commands.executeCommand('casemark.insertViewpoint', document.uri) : undefined));
    return opened;
  }

  /**
   * `casemark.insertViewpoint`: adds or replaces the generated Alternative viewpoint section of the case file as one
   * WorkspaceEdit (one undo step), built from the file's text at this moment. The file is not saved.
   */
  async insert(uri?: unknown): Promise<boolean> {
    const document = await this.caseDocument(uri);
    if (!document) {
      noCaseFile();
      return false;
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const built = await this.build(document);
      const change = viewpointInsertion(built.text, built.analysis.model, built.viewpoint);
      const editor = await this.showCaseFile(document);
      if (built.text.slice(change.start, change.end) === change.text) {
        reveal(editor, change.start);
        void vscode.window.showInformationMessage(`CaseMark: the alternative viewpoint in ${fileName(document.uri)} is already up to date.`);
        return true;
      }
      // Offsets are only good for the text they were computed on: if the file changed meanwhile, build again.
      if (document.version !== built.version) continue;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text);
      if (!(await vscode.workspace.applyEdit(edit))) break;
      reveal(editor, change.start);
      return true;
    }
    void vscode.window.showErrorMessage(`CaseMark could not insert the alternative viewpoint into ${fileName(document.uri)}: the file kept changing. Please try again.`);
    return false;
  }

  private async showCaseFile(document: vscode.TextDocument): Promise<vscode.TextEditor> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
    return vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preview: false });
  }

  private updateContext(): void {
    const active = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'casemark.isViewpointDocument', Boolean(active && this.opened.has(active.uri.toString())));
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.opened.clear();
  }
}

function reveal(editor: vscode.TextEditor, offset: number): void {
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}

function noCaseFile(): undefined {
  void vscode.window.showInformationMessage('CaseMark: open a case file (*.case.md) first; the alternative viewpoint is built from it.');
  return undefined;
}
