// `.casemark.json` / `.casemark.yaml`, nearest above a document, read through workspace.fs so the web host can too.
import * as vscode from 'vscode';
import { configFileMessages, readConfigText, type CaseMessage, type PartialConfig } from '../core/index';
import { toDiagnostic } from './diagnostics';

const names = ['.casemark.json', '.casemark.yaml', '.casemark.yml'];

export class ProjectConfigs implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<PartialConfig | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Problems in settings files are shown in those files. */
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('casemark-config');
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/.casemark.{json,yaml,yml}');

  constructor() {
    const reset = (uri: vscode.Uri) => {
      this.byFolder.clear();
      this.diagnostics.delete(uri);
      this.changed.fire();
    };
    this.watcher.onDidCreate(reset);
    this.watcher.onDidChange(reset);
    this.watcher.onDidDelete(reset);
  }

  forDocument(uri: vscode.Uri): Promise<PartialConfig | undefined> {
    if (uri.scheme === 'untitled') return Promise.resolve(undefined);
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    return this.inFolder(vscode.Uri.joinPath(uri, '..'), root);
  }

  private inFolder(folder: vscode.Uri, root: vscode.Uri | undefined): Promise<PartialConfig | undefined> {
    const key = folder.toString();
    let found = this.byFolder.get(key);
    if (!found) {
      found = (async () => {
        for (const name of names) {
          const loaded = await this.load(vscode.Uri.joinPath(folder, name));
          if (loaded) return loaded;
        }
        // Stop at the workspace folder (or the file's own folder outside one): above it is not the project's.
        if (!root || folder.path === root.path || !folder.path.startsWith(root.path)) return undefined;
        const parent = vscode.Uri.joinPath(folder, '..');
        return parent.path === folder.path ? undefined : this.inFolder(parent, root);
      })();
      this.byFolder.set(key, found);
    }
    return found;
  }

  private async load(uri: vscode.Uri): Promise<PartialConfig | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined;
    }
    const text = new TextDecoder().decode(bytes);
    const { config, problems } = readConfigText(text);
    const file = configFileMessages(uri.path, text, problems);
    this.diagnostics.set(
      uri,
      (file.messages as CaseMessage[]).map((m) => toDiagnostic(m)),
    );
    return config;
  }

  dispose(): void {
    this.watcher.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
