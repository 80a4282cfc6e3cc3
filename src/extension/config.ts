// `.casemark.json` / `.casemark.yaml` for a document, found by the core's one stop rule (src/core/config/discover.ts)
// within its workspace folder, read through workspace.fs so the web host can too.
import * as vscode from 'vscode';
import { configFileMessages, SettingsFinder, type CaseMessage, type FoundSettings, type PartialConfig, type SettingsFileSystem } from '../core/index';
import { toDiagnostic } from './diagnostics';

/** workspace.fs by path, on the scheme and authority of the documents' folder. */
function workspaceFiles(base: vscode.Uri): SettingsFileSystem {
  const at = (path: string) => base.with({ path });
  return {
    readText: async (path) => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(at(path)));
      } catch {
        return undefined;
      }
    },
    exists: (path) => Promise.resolve(vscode.workspace.fs.stat(at(path))).then(
      () => true,
      () => false,
    ),
  };
}

export class ProjectConfigs implements vscode.Disposable {
  /** One finder per scheme and authority (file:, vscode-remote://host, …), as paths alone do not say which. */
  private readonly finders = new Map<string, SettingsFinder>();
  /** Settings files whose problems are shown: each reading once. */
  private readonly shown = new WeakSet<FoundSettings>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Problems in settings files are shown in those files. */
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('casemark-config');
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/.casemark.{json,yaml,yml}');

  constructor() {
    const reset = (uri: vscode.Uri) => {
      for (const finder of this.finders.values()) finder.clear();
      this.diagnostics.delete(uri);
      this.changed.fire();
    };
    this.watcher.onDidCreate(reset);
    this.watcher.onDidChange(reset);
    this.watcher.onDidDelete(reset);
  }

  async forDocument(uri: vscode.Uri): Promise<PartialConfig | undefined> {
    if (uri.scheme === 'untitled') return undefined;
    const folder = vscode.Uri.joinPath(uri, '..');
    // Outside a workspace folder only the document's own folder counts.
    const boundary = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? folder;
    const root = uri.with({ path: '/', query: '', fragment: '' });
    let finder = this.finders.get(root.toString());
    if (!finder) this.finders.set(root.toString(), (finder = new SettingsFinder(workspaceFiles(root))));
    const found = await finder.find(folder.path, boundary.path);
    if (found && !this.shown.has(found)) {
      this.shown.add(found);
      this.showProblems(uri.with({ path: found.path, query: '', fragment: '' }), found);
    }
    return found?.config;
  }

  private showProblems(uri: vscode.Uri, { path, text, problems }: FoundSettings): void {
    const file = configFileMessages(path, text, problems);
    this.diagnostics.set(
      uri,
      (file.messages as CaseMessage[]).map((m) => toDiagnostic(m)),
    );
  }

  dispose(): void {
    this.watcher.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
