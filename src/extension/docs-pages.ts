// CaseMark's own pages (rule pages, the exercise guide) as a reader opens them from a prompt: read-only, from a
// file system of their own over the extension's docs/ folder, and shown rendered (the Markdown preview) rather than
// as a raw file one could edit by mistake. Where no Markdown preview is available, the read-only text stays.
import * as vscode from 'vscode';

export const docsScheme = 'casemark-docs';

/** The read-only address of a page under docs/, from its path there ("docs/rules/hypothesis-no-test.md"). */
export function docsPageUri(path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: docsScheme, path: `/${path.replace(/^\/+/, '')}` });
}

function readOnly(): Error {
  return vscode.FileSystemError.NoPermissions('CaseMark’s pages are read-only.');
}

/** docs/ of the installed extension, read-only; nothing outside docs/ can be reached through it. */
export class DocsFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      vscode.workspace.registerFileSystemProvider(docsScheme, this, { isCaseSensitive: true, isReadonly: true }),
      // A page opened as text (the Problems panel's and the hover's links open it so) is shown rendered instead.
      vscode.window.tabGroups.onDidChangeTabs((event) => void this.render(event.opened)),
    );
  }

  private target(uri: vscode.Uri): vscode.Uri {
    const parts = uri.path.split('/').filter(Boolean);
    if (parts[0] !== 'docs' || parts.some((p) => p === '..' || p === '.')) throw vscode.FileSystemError.FileNotFound(uri);
    return vscode.Uri.joinPath(this.extensionUri, ...parts);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const stat = await vscode.workspace.fs.stat(this.target(uri));
    return { ...stat, permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(uri: vscode.Uri): Thenable<[string, vscode.FileType][]> {
    return vscode.workspace.fs.readDirectory(this.target(uri));
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(this.target(uri));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(): never {
    throw readOnly();
  }

  writeFile(): never {
    throw readOnly();
  }

  delete(): never {
    throw readOnly();
  }

  rename(): never {
    throw readOnly();
  }

  private async render(opened: readonly vscode.Tab[]): Promise<void> {
    const pages = opened.filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === docsScheme);
    if (pages.length === 0) return;
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes('markdown.showPreview')) return;
    for (const tab of pages) {
      const uri = (tab.input as vscode.TabInputText).uri;
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      await vscode.window.tabGroups.close(tab, true);
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changes.dispose();
  }
}
