// Exercise files (*.exercise.md) as the editor finds and reads them: the `exercise:` of a case file resolved next to
// it, then in the workspace folder; read through workspace.fs (the web host has no `fs`), cached by URI and read
// again when they change. Never throws: a file that cannot be found or read comes back with the reason.
import * as vscode from 'vscode';
import { isExercisePath, isInside, readExercise, resolveExerciseReference, type Exercise } from '../core/exercise/index';

/** As the CLI: larger files are not case material. */
const maxBytes = 5 * 1024 * 1024;

export interface ReadExercise {
  exercise?: Exercise;
  /** The file's text, to place the exercise's problems. */
  text?: string;
  /** Why it could not be read. */
  error?: string;
}

export interface LoadedExercise extends ReadExercise {
  /** What the case file's frontmatter says. */
  reference: string;
  /** Where it was found; undefined when it was not. */
  uri?: vscode.Uri;
  /** The reference itself is not followed (an absolute path, an address, a way out of the folder). */
  refused?: boolean;
}

function reason(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'FileNotFound') return 'the file is not there';
    if (error.code === 'NoPermissions') return 'no permission to read it';
  }
  return error instanceof Error ? error.message : String(error);
}


export class ExerciseFiles implements vscode.Disposable {
  private readonly reads = new Map<string, Promise<ReadExercise>>();
  private readonly resolved = new Map<string, Promise<vscode.Uri | undefined>>();
  /** Watchers for exercise files the workspace watcher does not cover (outside the folder, or another name). */
  private readonly watchers = new Map<string, vscode.FileSystemWatcher>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** An exercise file was created, changed, saved or deleted: checklists should be judged again. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.exercise.md');
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => this.invalidate(uri)),
      watcher.onDidChange((uri) => this.invalidate(uri)),
      watcher.onDidDelete((uri) => this.invalidate(uri)),
      // A save in the editor is seen at once, before any watcher event.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.reads.has(d.uri.toString()) || isExercisePath(d.uri.path)) this.invalidate(d.uri);
      }),
    );
  }

  private invalidate(uri: vscode.Uri): void {
    this.reads.delete(uri.toString());
    // A file appearing or going can change where any reference resolves.
    this.resolved.clear();
    this.changed.fire();
  }

  /** One exercise file, read and cached until it changes. */
  read(uri: vscode.Uri): Promise<ReadExercise> {
    const key = uri.toString();
    let found = this.reads.get(key);
    if (!found) {
      found = this.readNow(uri);
      this.reads.set(key, found);
      this.watch(uri);
    }
    return found;
  }

  private async readNow(uri: vscode.Uri): Promise<ReadExercise> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return { error: 'it is a folder, not an exercise file' };
      if (stat.size > maxBytes) return { error: 'the file is over 5 MB' };
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (text.includes('\u0000')) return { error: 'it is not a text file' };
      return { exercise: readExercise(text), text };
    } catch (error) {
      return { error: reason(error) };
    }
  }

  private watch(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.watchers.has(key)) return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && isExercisePath(uri.path)) return;
    try {
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), name));
      watcher.onDidCreate(() => this.invalidate(uri));
      watcher.onDidChange(() => this.invalidate(uri));
      watcher.onDidDelete(() => this.invalidate(uri));
      this.watchers.set(key, watcher);
    } catch {
      // Some file systems cannot be watched: the file is still read again when it is saved in the editor.
    }
  }

  /**
   * Where a case file's `exercise:` may be, in the order looked: next to the case file, then the workspace folders;
   * only inside those (see core/exercise/reference), or why not.
   */
  candidates(reference: string, caseUri: vscode.Uri): { uris: vscode.Uri[]; refused?: string } {
    const saved = caseUri.scheme !== 'untitled';
    const own = saved ? vscode.workspace.getWorkspaceFolder(caseUri) : undefined;
    const folders = [...(own ? [own] : []), ...(vscode.workspace.workspaceFolders ?? []).filter((f) => f !== own)].map((f) => f.uri);
    const caseFolder = saved ? caseUri.path.slice(0, caseUri.path.lastIndexOf('/')) || '/' : undefined;
    const resolved = resolveExerciseReference(reference, caseFolder, folders.map((f) => f.path));
    if (!resolved.ok) return { uris: [], refused: resolved.reason };
    const uris = resolved.candidates.map((path) => {
      // The folder the path lies in gives its scheme and authority; beside the case file, the case file's.
      const base = (caseFolder !== undefined && isInside(path, caseFolder) ? caseUri : folders.find((f) => isInside(path, f.path))) ?? caseUri;
      return base.with({ path, query: '', fragment: '' });
    });
    const seen = new Set<string>();
    return { uris: uris.filter((uri) => !seen.has(uri.toString()) && Boolean(seen.add(uri.toString()))) };
  }

  /** The first candidate that is a file. */
  private resolve(reference: string, caseUri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const key = `${caseUri.scheme === 'untitled' ? 'untitled:' : caseUri.toString()}\n${reference}`;
    let found = this.resolved.get(key);
    if (!found) {
      found = (async () => {
        for (const uri of this.candidates(reference, caseUri).uris) {
          const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
          if (stat && !(stat.type & vscode.FileType.Directory)) return uri;
        }
        return undefined;
      })();
      this.resolved.set(key, found);
    }
    return found;
  }

  /** The exercise a case file names, found and read; or why it could not be. */
  async load(reference: string, caseUri: vscode.Uri): Promise<LoadedExercise> {
    try {
      const uri = await this.resolve(reference, caseUri);
      if (!uri) {
        const { uris, refused } = this.candidates(reference, caseUri);
        if (refused) return { reference, error: refused, refused: true };
        const looked = uris.map((u) => (u.scheme === 'file' ? u.fsPath : u.toString(true)));
        return { reference, error: looked.length > 0 ? `not found; looked for ${looked.join(', ')}` : 'not a path CaseMark can read' };
      }
      return { reference, uri, ...(await this.read(uri)) };
    } catch (error) {
      return { reference, error: reason(error) };
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.watchers.forEach((w) => w.dispose());
    this.changed.dispose();
  }
}
