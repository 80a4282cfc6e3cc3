// The alternative viewpoint in a real VS Code (Node or web worker extension host): the untitled document, the
// insertion into the case file as one undo step, the CodeLens and the table panel. Only `vscode` and the core.
import * as vscode from 'vscode';
import { analyse, buildViewpoint, phrasesWith, viewpointDocument, viewpointInsertion } from '../../src/core/index';
import { api, check, closeAll, open as openFile, sleep, waitFor, webviewTabs } from './helpers';

const marker = '<!-- casemark-viewpoint -->';

/** Opens a file in the first column, as a tab of its own (not a preview tab the next file would replace). */
const open = (name: string) => openFile(name, { viewColumn: vscode.ViewColumn.One, preview: false });

/** What the core makes of this text: the viewpoint, its document and its insertion. */
function expected(text: string, path: string) {
  const analysis = analyse(text, { path });
  const viewpoint = buildViewpoint(analysis, text, phrasesWith(analysis.config.viewpoint.phrases));
  const change = viewpointInsertion(text, analysis.model, viewpoint);
  return { document: viewpointDocument(viewpoint), inserted: text.slice(0, change.start) + change.text + text.slice(change.end) };
}

const count = (text: string, part: string) => text.split(part).length - 1;

const panelTabs = () => webviewTabs('casemark.viewpointPanel');

describe('The alternative viewpoint in a real VS Code', function () {
  this.timeout(90_000);
  // Edited fixtures are never saved: the harness turns the web workbench's autosave off (run-host-tests.mjs).
  afterEach(closeAll);

  it('opens the readable page by default, beside the case file, with Open as Markdown and Insert into case file', async () => {
    const { viewpointPanel } = await api();
    const editor = await open('strong.case.md');
    const uri = editor.document.uri.toString();
    const before = vscode.workspace.textDocuments.filter((d) => d.isUntitled).length;
    const original = editor.document.getText();
    await vscode.commands.executeCommand('casemark.alternativeViewpoint');
    const [tab] = await waitFor('the page', () => (panelTabs().length > 0 ? panelTabs() : undefined));
    check(tab && tab.group.viewColumn !== editor.viewColumn, 'a page beside the case file');
    const drawn = await waitFor('the page to draw', () => viewpointPanel.lastRendered?.uri === uri && viewpointPanel.lastRendered);
    check(drawn.sections.join() === 'leading,matrix,voices,tests,graces,position', `sections: ${drawn.sections.join()}`);
    check(vscode.workspace.textDocuments.filter((d) => d.isUntitled).length === before, 'no raw Markdown document opened');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await sleep(1_500);
    console.log('run-host-tests:screenshot viewpoint-default-page');
    await sleep(1_500);
    // The page's buttons: Open as Markdown opens the document in the page's column, not over the case file.
    await viewpointPanel.receive({ type: 'openDocument' });
    const markdown = await waitFor('the Markdown document', () => vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor);
    check(markdown.document.getText() === expected(original, editor.document.uri.path).document, 'the same content, as Markdown');
    check(markdown.viewColumn === tab.group.viewColumn, `in the page's column: ${markdown.viewColumn}, page ${tab.group.viewColumn}`);
    check(vscode.window.tabGroups.all.length === 2, `two columns: ${vscode.window.tabGroups.all.length}`);
    // Insert into case file: one edit, in the case file.
    await viewpointPanel.receive({ type: 'insert' });
    await waitFor('the insertion', () => editor.document.getText().includes(marker));
    check(editor.document.getText() === expected(original, editor.document.uri.path).inserted, 'the core’s insertion');
  });

  it('reuses one column beside the case file, whatever is opened there', async () => {
    const editor = await open('strong.case.md');
    await vscode.commands.executeCommand('casemark.alternativeViewpoint');
    await waitFor('the page', () => panelTabs().length > 0);
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await vscode.commands.executeCommand('casemark.openGenogramPreview');
    await waitFor('the genogram preview', () => webviewTabs('casemark.genogramPreview').length > 0);
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await vscode.commands.executeCommand('casemark.openViewpointMarkdown');
    await waitFor('the Markdown document', () => vscode.window.activeTextEditor?.document.isUntitled);
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await vscode.commands.executeCommand('casemark.alternativeViewpoint');
    await sleep(500);
    const columns = vscode.window.tabGroups.all.map((g) => `${g.viewColumn}: ${g.tabs.map((t) => t.label).join(', ')}`);
    check(vscode.window.tabGroups.all.length === 2, `the case file and one column beside it: ${columns.join(' | ')}`);
  });

  it('does not box curly quotes in Markdown as unusual characters', () => {
    const allowed = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).get<Record<string, boolean>>('unicodeHighlight.allowedCharacters') ?? {};
    for (const quote of ['‘', '’', '“', '”']) check(allowed[quote] === true, `${quote} allowed in Markdown: ${JSON.stringify(allowed)}`);
  });

  it('opens the viewpoint of the case file as it is now beside it, as a new untitled Markdown document', async () => {
    await api();
    const editor = await open('strong.case.md');
    const uri = editor.document.uri;
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    // An edit not yet saved, nor yet analysed (the command does not wait for the debounced lint).
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('gets a tummy ache on Mondays'));
    check(line > 0, 'the H1 evidence line');
    await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), '  - For: Amy drew her mum and Leo at home, and herself at school. (source: Amy, 2026-11-01)\n'));
    const text = editor.document.getText();
    const opened = await vscode.commands.executeCommand<vscode.TextDocument>('casemark.openViewpointMarkdown');
    check(opened, 'the command answers with the document it opened');
    const active = await waitFor('the viewpoint editor', () => vscode.window.activeTextEditor?.document === opened && vscode.window.activeTextEditor);
    check(opened.isUntitled && opened.uri.scheme === 'untitled', `a new untitled document: ${opened.uri.toString()}`);
    check(opened.languageId === 'markdown', `Markdown: ${opened.languageId}`);
    check(active.viewColumn !== undefined && active.viewColumn !== editor.viewColumn, `beside the case file: column ${active.viewColumn} and ${editor.viewColumn}`);
    const want = expected(text, uri.path).document;
    check(opened.getText() === want, `the core's document of the current text:\n${opened.getText().slice(0, 600)}\n---\n${want.slice(0, 600)}`);
    check(opened.getText().includes('## Competing hypotheses'), 'the matrix section');
    check(opened.getText().includes('Amy drew her mum and Leo at home'), 'the unsaved edit is in it');
    check(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) === onDisk, 'the case file on disk is untouched');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await sleep(1_500);
    console.log('run-host-tests:screenshot viewpoint-document');
    await sleep(2_000);
  });

  it('opens the viewpoint with its own text just after an unsaved untitled document was backed up and closed', async () => {
    await api();
    // VS Code reuses the name Untitled-1, and can restore the closed document's backup into the new one.
    for (let round = 0; round < 3; round++) {
      const stale = await vscode.workspace.openTextDocument({ language: 'markdown', content: `Not the viewpoint ${round}.\n` });
      await vscode.window.showTextDocument(stale, { preview: false });
      await sleep(1_300); // past the workbench's one-second delay before it backs up an unsaved document
      await closeAll();
      const editor = await open('weak.case.md');
      const opened = await vscode.commands.executeCommand<vscode.TextDocument>('casemark.openViewpointMarkdown', editor.document.uri);
      check(opened, 'the command answers with the document it opened');
      const want = expected(editor.document.getText(), editor.document.uri.path).document;
      check(opened.getText() === want, `round ${round}: the viewpoint, not the closed document's text:\n${opened.getText().slice(0, 300)}`);
      await closeAll();
    }
  });

  it('inserts the viewpoint into the case file as one edit that one undo takes back, and replaces it the next time', async () => {
    await api();
    const editor = await open('strong.case.md');
    const document = editor.document;
    const original = document.getText();
    check(!original.includes(marker), 'no viewpoint in the file yet');
    const done = await vscode.commands.executeCommand<boolean>('casemark.insertViewpoint', document.uri);
    check(done === true, 'the command says it inserted');
    const inserted = document.getText();
    check(inserted === expected(original, document.uri.path).inserted, 'the core’s insertion, nothing else');
    check(count(inserted, marker) === 1, 'one generated block');
    check(inserted.includes('### The leading hypothesis, turned around'), 'subheadings one level below the section');
    check(inserted.includes('## Alternative viewpoint'), 'a section of its own');
    check(document.isDirty, 'changed in the editor, not saved');
    check(new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri)) === original, 'not written to disk');

    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('undo');
    check(document.getText() === original, 'one undo restores the exact text');

    // Inserting twice leaves one block, replaced as the core says; after an edit, it is rebuilt from the current text.
    await vscode.commands.executeCommand('casemark.insertViewpoint', document.uri);
    check(document.getText() === inserted, 'the same insertion as the first time');
    await vscode.commands.executeCommand('casemark.insertViewpoint', document.uri);
    check(count(document.getText(), marker) === 1, 'still one generated block');
    check(document.getText() === expected(inserted, document.uri.path).inserted, 'the earlier block replaced');
    const active = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('- H2:'));
    await active.edit((e) => e.insert(new vscode.Position(line + 1, 0), '  - For: The school says mornings after a night shift start late. (source: Oakfield Primary, 2026-11-03)\n'));
    const edited = document.getText();
    await vscode.commands.executeCommand('casemark.insertViewpoint', document.uri);
    const again = document.getText();
    check(count(again, marker) === 1, 'one generated block after inserting again');
    check(again === expected(edited, document.uri.path).inserted, 'rebuilt from the text as it is now');
    check(again.slice(again.indexOf(marker)).includes('mornings after a night shift start late'), 'the new evidence is in the block');
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('undo');
    check(document.getText() === edited, 'one undo takes back the replacement only');
  });

  it('inserts into the case file the viewpoint document was made from (the palette, from that document)', async () => {
    await api();
    const editor = await open('weak.case.md');
    const original = editor.document.getText();
    await vscode.commands.executeCommand('casemark.openViewpointMarkdown', editor.document.uri);
    await waitFor('the viewpoint editor', () => vscode.window.activeTextEditor?.document.isUntitled);
    await vscode.commands.executeCommand('casemark.insertViewpoint');
    check(editor.document.getText() === expected(original, editor.document.uri.path).inserted, 'inserted into weak.case.md');
  });

  it('offers an Alternative viewpoint lens over the Hypotheses heading, or over the first heading', async () => {
    await api();
    const editor = await open('strong.case.md');
    const lenses = await waitFor('the lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return found.length >= 2 ? found : undefined;
    });
    const heading = editor.document.getText().split('\n').indexOf('## Hypotheses');
    const viewpointLens = lenses.find((l) => l.command?.command === 'casemark.alternativeViewpoint');
    check(viewpointLens?.command?.title === 'Alternative viewpoint', lenses.map((l) => l.command?.title).join(' | '));
    check(viewpointLens.range.start.line === heading, `over the Hypotheses heading (line ${heading}): ${viewpointLens.range.start.line}`);
    check(String(viewpointLens.command.arguments?.[0]) === editor.document.uri.toString(), 'for this file');
    check(lenses.some((l) => l.command?.command === 'casemark.revealFirstGap' && l.command.title === '4 hypotheses'), 'the summary lens is still there');

    const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\ncasemark: 1\n---\n\n# Family C\n\n## Dilemma\n\nWhat is keeping things stuck?\n' });
    await vscode.window.showTextDocument(draft);
    const draftLenses = await waitFor('the draft’s lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', draft.uri);
      return found.length > 0 ? found : undefined;
    });
    check(draftLenses.length === 1 && draftLenses[0]?.command?.command === 'casemark.alternativeViewpoint', draftLenses.map((l) => l.command?.title).join(' | '));
    check(draftLenses[0].range.start.line === 4, `over the first heading: line ${draftLenses[0].range.start.line}`);
  });

  it('shows the viewpoint as a page with a table that updates as the case file changes and follows the active case file', async () => {
    const { viewpointPanel } = await api();
    const editor = await open('strong.case.md');
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('casemark.alternativeViewpoint');
    const [tab] = await waitFor('the panel tab', () => (panelTabs().length > 0 ? panelTabs() : undefined));
    check(tab, 'a webview tab');
    check(tab.group.viewColumn !== editor.viewColumn, 'beside the editor');
    const drawn = await waitFor('the panel to draw', () => viewpointPanel.lastRendered?.uri === uri && viewpointPanel.lastRendered);
    check(drawn.columns.join() === 'Evidence,Source,H1,H2,H3,H4', `columns: ${drawn.columns.join()}`);
    check(drawn.rows === 8, `rows: ${drawn.rows}`);
    check(drawn.sections.join() === 'leading,matrix,voices,tests,graces,position', `sections: ${drawn.sections.join()}`);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await sleep(1_500);
    console.log('run-host-tests:screenshot viewpoint-workbench');
    await sleep(2_000);

    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('- H2:'));
    await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), '  - For: The school says mornings after a night shift start late. (source: Oakfield Primary, 2026-11-03)\n'));
    const redrawn = await waitFor('the panel to redraw', () => viewpointPanel.lastRendered?.version === editor.document.version && viewpointPanel.lastRendered);
    check(redrawn.rows === 9, `a row more after the edit: ${redrawn.rows}`);

    const weak = await open('weak.case.md');
    await waitFor('the panel to follow weak.case.md', () => viewpointPanel.lastRendered?.uri === weak.document.uri.toString() && viewpointPanel.lastRendered);
    await open('plain.md');
    await sleep(800);
    check(viewpointPanel.documentUri?.toString() === weak.document.uri.toString(), 'a non-case editor leaves the panel alone');
    check(panelTabs().length === 1, 'still one panel');
  });
});
