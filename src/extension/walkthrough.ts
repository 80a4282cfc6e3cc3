// Getting started: the walkthrough a first-time user meets (contributes.walkthroughs in package.json, its pages in
// media/walkthrough/), and the sample analyses it opens.
import * as vscode from 'vscode';
import { besideColumn } from './columns';
import { sampleNames, walkthroughId } from './samples';

const offeredKey = 'casemark.walkthroughOffered';


/**
 * Opens the walkthrough the first time CaseMark runs for this user. VS Code itself does this only for an extension
 * installed while it runs, not one installed before it started (as `npm start` does). Its own setting
 * workbench.welcomePage.walkthroughs.openOnInstall turns this off too. Answers whether it opened.
 */
export async function openWalkthroughOnFirstRun(context: vscode.ExtensionContext): Promise<boolean> {
  if (context.globalState.get(offeredKey)) return false;
  await context.globalState.update(offeredKey, true);
  if (vscode.workspace.getConfiguration('workbench.welcomePage').get('walkthroughs.openOnInstall') === false) return false;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${walkthroughId}`, false);
  return true;
}

/**
 * `casemark.openSample`: a sample analysis as an unsaved copy (untitled, named after it) beside the walkthrough, so
 * trying a quick fix never changes the extension's own file. Opening it again shows the same copy.
 */
export async function openSample(extensionUri: vscode.Uri, name: unknown = 'weak-analysis'): Promise<vscode.TextEditor | undefined> {
  const sample = sampleNames.find((n) => n === name);
  if (!sample) {
    void vscode.window.showErrorMessage(`CaseMark has no sample called ${String(name)}; the samples are ${sampleNames.join(', ')}.`);
    return undefined;
  }
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `${sample}.case.md` });
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() === '') {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'samples', `${sample}.case.md`)));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const inWalkthrough = vscode.window.tabGroups.activeTabGroup.activeTab?.input === undefined;
  return vscode.window.showTextDocument(document, { viewColumn: open?.viewColumn ?? (inWalkthrough ? besideColumn() : vscode.ViewColumn.Active), preview: false });
}
