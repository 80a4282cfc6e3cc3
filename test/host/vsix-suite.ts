// The packaged extension, installed from casemark.vsix into the server as a user would, checks a case file and a
// cohort (its grading worker is a file of its own in the package).
import * as vscode from 'vscode';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitFor(what: string, probe: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; !probe(); await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
  }
}

describe('CaseMark installed from its .vsix', function () {
  this.timeout(60_000);

  it('is installed from the package, not the source tree, and shows diagnostics', async () => {
    const extension = vscode.extensions.getExtension('casemark.casemark');
    check(extension, 'casemark.casemark is installed');
    check(/\/extensions\/casemark\.casemark-[^/]+$/.test(extension.extensionUri.path), `installed copy, at ${extension.extensionUri.path}`);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    check(folder, 'a folder is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'weak.case.md'));
    // Not a preview tab: the walkthrough CaseMark opens on its first start would take a preview tab's place.
    await vscode.window.showTextDocument(document, { preview: false });
    const until = Date.now() + 30_000;
    let found: vscode.Diagnostic[] = [];
    while (Date.now() < until && found.length === 0) {
      found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'casemark');
      await new Promise((r) => setTimeout(r, 200));
    }
    check(found.length > 10, `diagnostics from the installed extension: ${found.length}`);
    const docsLink = found.map((d) => (typeof d.code === 'object' ? d.code.target : undefined)).find(Boolean);
    check(docsLink, 'diagnostics link to their rule pages');
    check(docsLink.scheme === 'casemark-docs' && docsLink.path.endsWith('.md'), `docs link to the read-only page: ${docsLink.toString()}`);
    const page = await vscode.workspace.fs.readFile(docsLink);
    check(new TextDecoder().decode(page).startsWith('# '), 'the linked rule page is in the package');
  });

  it('finds a name only the name tagger knows, with the tagger the package ships (dist/name-tagger.cjs)', async () => {
    // A tagger missing from the package would be a silent loss: the name would go unflagged.
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), 'tmp-vsix-shareable.case.md');
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ncasemark: 1\nshareable: true\n---\n\n## Hypotheses\n\n- H1: Bernadette Walsh may be a support to the family.\n'));
      const editor = await vscode.window.showTextDocument(uri, { preview: false });
      await waitFor('an identifying-detail warning on the name', () =>
        vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.source === 'casemark' && JSON.stringify(d.code).includes('identifying-detail') && d.message.includes('Bernadette')),
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
    }
  });

  it('ships the genogram preview page and the Markdown preview style sheet', async () => {
    const extension = vscode.extensions.getExtension('casemark.casemark');
    check(extension, 'casemark.casemark is installed');
    for (const file of ['dist/webview/preview.js', 'dist/webview/preview.css', 'dist/webview/genogram.css', 'dist/genogram.css']) {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, ...file.split('/')));
      check(stat.type === vscode.FileType.File, `${file} is in the package`);
    }
    const commands = await vscode.commands.getCommands(true);
    check(commands.includes('casemark.openGenogramPreview') && commands.includes('casemark.exportGenogramSvg'), 'the genogram commands are registered');
  });

  it('ships the alternative viewpoint panel page and registers its commands', async () => {
    const extension = vscode.extensions.getExtension('casemark.casemark');
    check(extension, 'casemark.casemark is installed');
    for (const file of ['dist/webview/viewpoint.js', 'dist/webview/viewpoint.css']) {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, ...file.split('/')));
      check(stat.type === vscode.FileType.File, `${file} is in the package`);
    }
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['casemark.alternativeViewpoint', 'casemark.insertViewpoint', 'casemark.showViewpointPanel']) check(commands.includes(command), `${command} is registered`);
  });

  it('checks a cohort on worker threads started from the package’s own grading worker', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    check(folder, 'a folder is open');
    const cohort = vscode.Uri.joinPath(folder, 'exercises', 'cohort');
    const result = await vscode.commands.executeCommand<{ rows: Array<{ file: string; error?: string }>; workers: number } | undefined>(
      'casemark.gradeCohort',
      vscode.Uri.joinPath(folder, 'exercises', 'practice.exercise.md'),
      cohort,
    );
    try {
      check(result, 'a result');
      check(result.workers >= 2, `workers: ${result.workers}`);
      check(result.rows.length === 2 && result.rows.every((r) => !r.error), `rows: ${JSON.stringify(result.rows.map((r) => [r.file, r.error]))}`);
    } finally {
      await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(cohort, 'casemark-report'), { recursive: true })).catch(() => undefined);
    }
  });
});
