// What the host suites share. Only `vscode`, no Node built-ins: the suites also run in the web worker extension host.
import * as vscode from 'vscode';
import type { CaseMarkApi } from '../../src/extension/extension';

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Polls until `probe` answers something truthy, and answers that. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A file of the test workspace (test/host/workspace/), by its path there. */
export function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'no folder is open');
  return vscode.Uri.joinPath(folder.uri, ...name.split('/'));
}

/** Opens a file of the test workspace in an editor; `show` is passed on to vscode.window.showTextDocument. */
export async function open(name: string, show?: vscode.TextDocumentShowOptions): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(name)), show);
}

/** CaseMark's API (what activate answers): the preview and the viewpoint panel, to see what they drew. */
export async function api(): Promise<CaseMarkApi> {
  const extension = vscode.extensions.getExtension<CaseMarkApi>('casemark.casemark');
  check(extension, 'CaseMark is installed');
  return extension.activate();
}

/** The open tabs of CaseMark's webview panels of this view type. */
export function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

/** Untitled and edited documents are reverted, not saved: no dialog asks, and the workspace files stay as they were. */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const dirty = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.isDirty && t.input instanceof vscode.TabInputText);
    if (!dirty) break;
    await vscode.window.showTextDocument((dirty.input as vscode.TabInputText).uri, { viewColumn: dirty.group.viewColumn, preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
