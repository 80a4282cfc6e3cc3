// Editing genogram blocks in a real VS Code (Node or web worker extension host): completion in context, hover on an
// id, rename (F2) as one undo step, and an id that is a grammar word refused at its person line.
import * as vscode from 'vscode';
import { api, check, closeAll, open, waitFor } from './helpers';

async function labelsAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

/** Appends a line at the end of the genogram block, and answers the position at its end. */
async function typeLine(editor: vscode.TextEditor, text: string): Promise<vscode.Position> {
  const lines = editor.document.getText().split('\n');
  const line = lines.indexOf('sara -- gran conflictual') + 1;
  check(line > 0, 'the last line of the genogram block');
  await editor.edit((e) => e.insert(new vscode.Position(line, 0), `${text}\n`));
  return new vscode.Position(line, text.length);
}

describe('Editing genograms in a real VS Code', function () {
  this.timeout(90_000);

  afterEach(closeAll);

  it('completes ids after +, couple types after the second partner, relationships after --', async () => {
    const { documents } = await api();
    const editor = await open('family.case.md');
    await waitFor('the analysis', () => documents.analysisOf(editor.document));
    const partner = await labelsAt(editor.document, await typeLine(editor, 'leo + '));
    check(partner.includes('dan') && partner.includes('amy') && !partner.includes('married'), `after +: ${partner.join()}`);
    await vscode.commands.executeCommand('undo');
    const type = await labelsAt(editor.document, await typeLine(editor, 'sara + dan '));
    for (const word of ['married', 'cohabiting', 'divorced']) check(type.includes(word), `couple types: ${type.join()}`);
    await vscode.commands.executeCommand('undo');
    const kinds = await labelsAt(editor.document, await typeLine(editor, 'amy -- leo '));
    for (const word of ['close', 'conflictual', 'cut-off']) check(kinds.includes(word), `relationships: ${kinds.join()}`);
    check(!kinds.includes('married'), 'no couple types after --');
  });

  it('shows a person’s line, age and relation to the index child on hover over their id on another line', async () => {
    const { documents } = await api();
    const editor = await open('family.case.md');
    await waitFor('the analysis', () => documents.analysisOf(editor.document));
    const line = editor.document.getText().split('\n').indexOf('sara + dan married 2014');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 8));
    // The summary is appended as escaped text (names are the writer's, never Markdown): read it back unescaped.
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n')
      .replace(/&nbsp;/g, ' ')
      .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
    check(text.includes('Dan (36), Amy’s father'), `hover: ${text}`);
    check(text.includes('person dan male 36'), `the person line in the hover: ${text}`);
  });

  it('renames an id on every line of the block and in the ecomap, as one undo step', async () => {
    const { documents } = await api();
    const editor = await open('family.case.md');
    await waitFor('the analysis', () => documents.analysisOf(editor.document));
    const before = editor.document.getText();
    const line = before.split('\n').indexOf('amy, leo children of sara + dan');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, new vscode.Position(line, 23), 'mum');
    check(edit.size === 1, 'edits in the case file');
    check(await vscode.workspace.applyEdit(edit), 'the rename applied');
    const after = editor.document.getText();
    for (const expected of ['person mum female 34', 'mum + dan married 2014', 'amy, leo children of mum + dan', 'mum children of gran', 'mum -- gran conflictual', 'family: mum, dan, amy, leo']) check(after.includes(expected), `renamed: ${expected}`);
    check(!/\bsara\b/.test(after.split('## Hypotheses')[0] ?? ''), 'no sara left in the diagram blocks');
    await vscode.commands.executeCommand('undo');
    check(editor.document.getText() === before, 'one undo puts every line back');
    // A new id that would not read back as the same person is refused with the reason.
    const refused = await Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', editor.document.uri, new vscode.Position(line, 23), 'foster')).then(
      () => 'accepted',
      (error: unknown) => String(error instanceof Error ? error.message : error),
    );
    check(/grammar/.test(refused), `renaming to a grammar word: ${refused}`);
  });

  it('refuses an id that is a grammar word at its person line, with a clear message', async () => {
    const { documents } = await api();
    const editor = await open('family.case.md');
    await waitFor('the analysis', () => documents.analysisOf(editor.document));
    const at = await typeLine(editor, 'person foster female 50');
    const diagnostic = await waitFor('the diagnostic', () =>
      vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.range.start.line === at.line && d.message.includes('cannot be a person’s id')),
    );
    check(diagnostic.range.start.character === 'person '.length, `at the id: ${diagnostic.range.start.character}`);
  });
});
