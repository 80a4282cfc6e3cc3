// `casemark.createShareableCopy`: a pseudonymised copy of the case file as a new untitled document (the original is
// only read), the pseudonym mapping in a script-free panel for the author to check, and `casemark.saveMapping` to
// save that mapping only when asked, where the author chooses, after a warning. The mapping lives in memory only.
import * as vscode from 'vscode';
import { besideColumn } from './columns';
import { mappingDocument, type DateHandling } from '../core/index';
import type { ProjectConfigs } from './config';
import { mappingHtml } from '../shared/preview-html';
import type { AnalysisRunner, SharedText } from './runner';
import { readSettings } from './settings';
import { fileName } from './viewpoint';
import { mayWrite } from './write-guard';
import { openUntitled } from './untitled';

export interface SharedCopy {
  document: vscode.TextDocument;
  result: SharedText;
}

export class ShareableCopies implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  /** The mapping shown in the panel, until the panel closes. */
  private shown?: { result: SharedText; caseName: string; source: vscode.Uri };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly configs: ProjectConfigs,
    private readonly caseDocument: (uri?: unknown) => Promise<vscode.TextDocument | undefined>,
    /** Where the copy is made: on a worker, like every analysis, so a big file does not hold this thread. */
    private readonly runner: AnalysisRunner,
  ) {}

  async create(uri?: unknown): Promise<SharedCopy | undefined> {
    const original = await this.caseDocument(uri);
    if (!original) {
      void vscode.window.showInformationMessage('CaseMark: open a case file (*.case.md) to make a shareable copy of it.');
      return undefined;
    }
    // The text as it is in the editor now, unsaved words included; the document itself is never edited.
    const text = original.getText();
    const project = await this.configs.forDocument(original.uri);
    const settings = readSettings((key) => vscode.workspace.getConfiguration('casemark').get(key));
    const dates = vscode.workspace.getConfiguration('casemark', original.uri).get<DateHandling>('share.dates', 'month');
    const result = await this.runner.share(text, { dates, config: [settings.config, project], budget: settings.budget });
    // Fail closed: without a full analysis the names are not known, so no copy is opened at all.
    if (result.incomplete) {
      void vscode.window.showErrorMessage(`CaseMark made no shareable copy of ${fileName(original.uri)}: it could not be fully analysed (${result.incomplete}).`);
      return undefined;
    }
    const document = await openUntitled(result.text, 'the shareable copy');
    if (!document) return undefined;
    const caseName = fileName(original.uri);
    // The copy and its mapping share the one column beside the case file: the mapping a tab behind the copy.
    const column = besideColumn();
    this.showMapping(result, caseName, original.uri, column);
    await vscode.window.showTextDocument(document, { viewColumn: this.panel?.viewColumn ?? column, preview: false });
    const remaining = result.remaining;
    const summary = `CaseMark made a shareable copy of ${caseName} (unsaved): ${result.mapping.length} ${result.mapping.length === 1 ? 'name' : 'names'} replaced. ${
      remaining > 0 ? `${remaining} ${remaining === 1 ? 'detail' : 'details'} may still identify the family; each is a warning in the copy with a fix to generalise it.` : 'CaseMark found nothing else that looks identifying, but please read it through: patterns miss things.'
    }`;
    void (remaining > 0 ? vscode.window.showWarningMessage(summary, 'Show Problems') : vscode.window.showInformationMessage(summary)).then((answer) =>
      answer === 'Show Problems' ? vscode.commands.executeCommand('workbench.panel.markers.view.focus') : undefined,
    );
    return { document, result };
  }

  private showMapping(result: SharedText, caseName: string, source: vscode.Uri, column: vscode.ViewColumn): void {
    this.shown = { result, caseName, source };
    const media = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    if (!this.panel) {
      // No scripts: the table is escaped HTML, and nothing in the page can send anything anywhere.
      this.panel = vscode.window.createWebviewPanel('casemark.mapping', 'Pseudonym mapping', { viewColumn: column, preserveFocus: true }, { enableScripts: false, localResourceRoots: [media] });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
        void vscode.commands.executeCommand('setContext', 'casemark.hasMapping', false);
      });
    }
    this.panel.title = `Pseudonym mapping: ${caseName}`;
    this.panel.webview.html = mappingHtml({ cspSource: this.panel.webview.cspSource, base: this.panel.webview.asWebviewUri(media).toString() }, caseName, result.mapping, result.dates);
    this.panel.reveal(this.panel.viewColumn ?? column, true);
    void vscode.commands.executeCommand('setContext', 'casemark.hasMapping', true);
  }

  /** The panel's HTML, for tests. */
  get mappingPage(): string | undefined {
    return this.panel?.webview.html;
  }

  /**
   * `casemark.saveMapping`: only on request, after a warning, to a file the author picks (a test may pass the file,
   * which is the request). Never over the case file, nor over an open document with unsaved changes.
   */
  async saveMapping(target?: unknown): Promise<vscode.Uri | undefined> {
    const shown = this.shown;
    if (!shown) {
      void vscode.window.showInformationMessage('CaseMark: there is no pseudonym mapping to save. Make a shareable copy first; its mapping is kept only while its panel is open.');
      return undefined;
    }
    let uri = target instanceof vscode.Uri ? target : undefined;
    // The save dialog asks before replacing a file itself; a target given to the command has not been asked about.
    const asked = !uri;
    if (!uri) {
      const go = 'Choose Where to Save…';
      const answer = await vscode.window.showWarningMessage(
        'The mapping re-identifies the family.',
        { modal: true, detail: 'Anyone who holds it can undo the pseudonyms. Save it only where case records are kept, never with the shareable copy, and delete it when it is no longer needed.' },
        go,
      );
      if (answer !== go) return undefined;
      uri = await vscode.window.showSaveDialog({ title: 'CaseMark: save the pseudonym mapping', saveLabel: 'Save Mapping', filters: { Markdown: ['md'] } });
      if (!uri) return undefined;
    }
    const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.toString() === uri.toString());
    if (uri.toString() === shown.source.toString() || dirty) {
      void vscode.window.showErrorMessage(`CaseMark did not save the mapping to ${fileName(uri)}: ${dirty ? 'it is open with unsaved changes' : 'that is the case file itself'}.`);
      return undefined;
    }
    if (!(await mayWrite([uri], 'the mapping', { replace: asked }))) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(mappingDocument(shown.result, shown.caseName)));
    return uri;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
