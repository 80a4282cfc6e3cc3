// CaseMark in VS Code: one entry for both hosts (desktop/Node and web worker); everything else is in core.
import * as vscode from 'vscode';
import { newCaseTemplate } from '../core/index';
import { ProjectConfigs } from './config';
import { CaseDocuments } from './documents';
import { CaseCodeActions, CaseCodeLenses, CaseHovers, CaseSymbols, firstGapRange } from './providers';
import { statusText } from './present';

/** Case files stay Markdown: the selector narrows to them by name, and the providers answer only for analysed files. */
const selector: vscode.DocumentSelector = [{ language: 'markdown' }];

export function activate(context: vscode.ExtensionContext): { documents: CaseDocuments } {
  const configs = new ProjectConfigs();
  const documents = new CaseDocuments(configs, context.extensionUri);
  const status = vscode.window.createStatusBarItem('casemark.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'CaseMark';
  status.command = 'casemark.showProblems';

  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    const analysis = editor && documents.analysisOf(editor.document);
    void vscode.commands.executeCommand('setContext', 'casemark.isCaseFile', Boolean(analysis));
    if (!analysis) {
      status.hide();
      return;
    }
    const { text, tooltip } = statusText(analysis.model, analysis.messages);
    status.text = text;
    status.tooltip = tooltip;
    status.show();
  };

  context.subscriptions.push(
    configs,
    documents,
    status,
    documents.onDidAnalyse(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.languages.registerCodeActionsProvider(selector, new CaseCodeActions(documents), { providedCodeActionKinds: CaseCodeActions.kinds }),
    vscode.languages.registerHoverProvider(selector, new CaseHovers(documents)),
    vscode.languages.registerCodeLensProvider(selector, new CaseCodeLenses(documents)),
    vscode.languages.registerDocumentSymbolProvider(selector, new CaseSymbols(documents), { label: 'CaseMark' }),
    vscode.commands.registerCommand('casemark.newCaseAnalysis', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: newCaseTemplate(new Date().toISOString().slice(0, 10)) });
      return vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerCommand('casemark.revealFirstGap', async (uri?: vscode.Uri) => {
      const editor = uri ? await vscode.window.showTextDocument(uri) : vscode.window.activeTextEditor;
      const analysis = editor && documents.analysisOf(editor.document);
      const range = analysis && firstGapRange(analysis.model);
      if (!editor || !range) {
        void vscode.window.showInformationMessage('CaseMark: every hypothesis has a test and something recorded against it.');
        return;
      }
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    // The view's focus command opens the panel without toggling it shut; no API can pre-set its filter.
    vscode.commands.registerCommand('casemark.showProblems', () => vscode.commands.executeCommand('workbench.panel.markers.view.focus')),
  );
  updateStatus();
  return { documents };
}

export function deactivate(): void {}
