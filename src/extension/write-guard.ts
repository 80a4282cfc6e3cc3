// What the editor's commands may write to, the same rule as the CLI's (src/cli/output.ts) as far as VS Code's file
// system API can see: never through a symbolic link (it could lead to a case file), never over a case file or over
// anything but a plain file, and an existing file only when the user says Replace. Through vscode.workspace.fs, so
// it holds in VS Code for the Web too. (A hard link to a case file is not visible here; the CLI catches those.)
import * as vscode from 'vscode';

const isCaseFile = (uri: vscode.Uri) => /\.case\.md$/i.test(uri.path);
const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
const shown = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri);
const noLinks = 'CaseMark never writes through a link (remove it or choose another name)';

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/**
 * Why CaseMark will not write `uri` (a phrase naming the path), or whether it would replace a file. `folders`, folders
 * of CaseMark's own it is written into (`casemark-report`), may not be links either; a user's own folder may be.
 */
export async function targetRefusal(uri: vscode.Uri, folders: vscode.Uri[] = []): Promise<{ refused: string } | { refused?: undefined; exists: boolean }> {
  for (const folder of folders) {
    const info = await statOf(folder);
    if (info && info.type & vscode.FileType.SymbolicLink) return { refused: `${shown(folder)} is a symbolic link, and ${noLinks}` };
    if (info && !(info.type & vscode.FileType.Directory)) return { refused: `${shown(folder)} is a file, not a folder` };
  }
  if (isCaseFile(uri)) return { refused: `${shown(uri)} is a case file` };
  const info = await statOf(uri);
  if (!info) return { exists: false };
  if (info.type & vscode.FileType.SymbolicLink) return { refused: `${shown(uri)} is a symbolic link, and ${noLinks}` };
  if (!(info.type & vscode.FileType.File)) return { refused: `${shown(uri)} is not a plain file` };
  return { exists: true };
}

/**
 * Checks every target before anything is written: false (after saying why) when one is refused, or when some exist
 * and the user does not choose Replace. `replace` answers that question in advance (a command's argument).
 */
export async function mayWrite(targets: vscode.Uri[], what: string, options: { folders?: vscode.Uri[]; replace?: boolean; detail?: string } = {}): Promise<boolean> {
  const existing: string[] = [];
  for (const uri of targets) {
    const verdict = await targetRefusal(uri, options.folders);
    if (verdict.refused !== undefined) {
      void vscode.window.showErrorMessage(`CaseMark did not write ${what}: ${verdict.refused}.`);
      return false;
    }
    if (verdict.exists) existing.push(baseName(uri));
  }
  if (existing.length === 0 || options.replace) return true;
  const replace = 'Replace';
  const answer = await vscode.window.showWarningMessage(
    existing.length === 1 ? `${existing[0]} already exists. Replace it?` : `${existing.length} files already exist: ${existing.join(', ')}. Replace them?`,
    { modal: true, detail: options.detail },
    replace,
  );
  return answer === replace;
}
