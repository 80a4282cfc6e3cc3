// Every new untitled document CaseMark opens with content (a viewpoint, a shareable copy, a new case analysis, an
// exercise's case file). VS Code names each Untitled-N again and may fill it from the backup of a just-closed untitled
// document of that name instead of the content given (the likely cause of a web-host test failure): the document
// must hold exactly what CaseMark made, above all a shareable copy.
import * as vscode from 'vscode';

/** A new untitled Markdown document holding `content`; undefined, after saying so, if VS Code gave it other text. */
export async function openUntitled(content: string, what: string): Promise<vscode.TextDocument | undefined> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  if (document.getText() === content) return document;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), content);
  if ((await vscode.workspace.applyEdit(edit)) && document.getText() === content) return document;
  void vscode.window.showErrorMessage(`CaseMark could not open ${what}: VS Code gave the new document other text. Please try again.`);
  return undefined;
}
