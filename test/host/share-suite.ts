// Sharing a case in a real VS Code (Node or web worker extension host): the copy is a new untitled document with
// the names replaced and identifying-detail warnings on; the case file is untouched in the editor and on disk; the
// mapping panel runs no script; the mapping is saved only when asked, never over the case file.
import * as vscode from 'vscode';
import { shareableCopy } from '../../src/core/index';
import { api, check, closeAll, fileUri, open as openFile, waitFor, webviewTabs } from './helpers';

const open = (name: string) => openFile(name, { viewColumn: vscode.ViewColumn.One, preview: false });

describe('Sharing a case in a real VS Code', function () {
  this.timeout(90_000);
  afterEach(closeAll);

  it('Create Shareable Copy opens a pseudonymised untitled copy and the mapping, and leaves the case file as it was', async () => {
    const { sharing } = await api();
    const editor = await open('strong.case.md');
    const original = editor.document;
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(original.uri));
    // Unsaved words are shared as they are in the editor, and stay unsaved in the case file.
    const line = original.getText().split('\n').findIndex((l) => l.startsWith('## Dilemma'));
    await editor.edit((e) => e.insert(new vscode.Position(line + 2, 0), 'Amy walks past 14 Cedar Road, E8 3PQ, with Sara.\n\n'));
    const before = original.getText();
    const made = await vscode.commands.executeCommand<{ document: vscode.TextDocument } | undefined>('casemark.createShareableCopy');
    check(made, 'the command answers with the copy');
    const copy = made.document;
    check(copy.isUntitled && copy.languageId === 'markdown', `an untitled Markdown document: ${copy.uri.toString()}`);
    check(copy.getText() === shareableCopy(before, { dates: 'month' }).text, 'the core’s copy of the text in the editor');
    check(!/\b(Amy|Sara|Dan|Leo)\b/.test(copy.getText()), 'no declared name left');
    check(copy.getText().includes('Child A walks past 14 Cedar Road, E8 3PQ, with Mother.'), 'the unsaved line, pseudonymised');
    check(original.getText() === before && original.isDirty, 'the case file keeps its unsaved words, unchanged');
    check(new TextDecoder().decode(await vscode.workspace.fs.readFile(original.uri)) === onDisk, 'nothing written to the case file on disk');

    const warnings = await waitFor('identifying-detail warnings on the copy', () => {
      const found = vscode.languages.getDiagnostics(copy.uri).filter((d) => typeof d.code === 'object' && d.code.value === 'identifying-detail');
      return found.length >= 2 && found;
    });
    const covered = warnings.map((d) => copy.getText(d.range));
    for (const text of ['14 Cedar Road', 'E8 3PQ']) check(covered.includes(text), `${text} is flagged: ${covered.join(', ')}`);
    check(vscode.languages.getDiagnostics(original.uri).every((d) => typeof d.code !== 'object' || d.code.value !== 'identifying-detail'), 'the case file itself is not asked about');

    // The quick fix generalises in the copy, as one edit.
    const postcode = warnings.find((d) => copy.getText(d.range) === 'E8 3PQ') as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', copy.uri, postcode.range);
    const fix = actions.find((a) => a.title === 'Generalise to “[postcode]”');
    check(fix?.edit, `a fix: ${actions.map((a) => a.title).join(' | ')}`);
    check(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
    check(copy.getText().includes('14 Cedar Road, [postcode], with Mother.'), 'generalised in the copy');

    await waitFor('the mapping panel', () => webviewTabs('casemark.mapping').length === 1);
    const page = sharing.mappingPage ?? '';
    check(page.includes('<td>Amy</td><td>Child A</td><td>child</td>') && page.includes('re-identifies the family'), 'the mapping, with its warning');
    check(!/<script/i.test(page) && page.includes("default-src 'none'"), 'a page without scripts under a strict policy');
  });

  it('warns about a name only the name tagger finds in a shareable file, as soon as it is opened', async () => {
    await api();
    // No title and in no list of people: found only by the tagger, which the analysis loads before such a file.
    const uri = fileUri('tmp-shareable.case.md');
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ncasemark: 1\nshareable: true\n---\n\n## Hypotheses\n\n- H1: Bernadette Walsh may be a support to the family.\n'));
      const editor = await vscode.window.showTextDocument(uri, { preview: false });
      const warned = await waitFor('an identifying-detail warning on the name', () =>
        vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'casemark' && JSON.stringify(d.code).includes('identifying-detail') && d.message.includes('Bernadette')),
      );
      check(warned.range.start.line === 7, `on the hypothesis line: ${warned.range.start.line}`);
    } finally {
      await closeAll();
      await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
    }
  });

  it('Save Pseudonym Mapping writes only when asked, to the file chosen, never over the case file', async () => {
    await api();
    await open('strong.case.md');
    const target = fileUri('tmp-mapping.md');
    try {
      await vscode.commands.executeCommand('casemark.createShareableCopy', fileUri('strong.case.md'));
      const exists = await Promise.resolve(vscode.workspace.fs.stat(target)).then(() => true, () => false);
      check(!exists, 'no mapping on disk until asked');
      const refused = await vscode.commands.executeCommand<vscode.Uri | undefined>('casemark.saveMapping', fileUri('strong.case.md'));
      check(refused === undefined, 'not over the case file');
      // The fixture's linked-mapping.md is a symbolic link to strong.case.md.
      const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('strong.case.md')));
      const throughLink = await vscode.commands.executeCommand<vscode.Uri | undefined>('casemark.saveMapping', fileUri('linked-mapping.md'));
      check(throughLink === undefined, 'not through a link');
      check(new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('strong.case.md'))) === original, 'the case file behind the link is untouched');
      const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('casemark.saveMapping', target);
      check(saved?.toString() === target.toString(), 'saved where asked');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      check(text.includes('This table re-identifies the family') && text.includes('| Amy | Child A | child |'), 'the mapping with its warning');
    } finally {
      await Promise.resolve(vscode.workspace.fs.delete(target)).catch(() => undefined);
    }
  });
});
