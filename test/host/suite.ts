// The extension, tested inside a real VS Code extension host (Node or web worker): only `vscode`, no Node built-ins.
import * as vscode from 'vscode';
import { api, check, closeAll, fileUri, open, sleep, waitFor } from './helpers';

const extensionId = 'casemark.casemark';

function casemarkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'casemark');
}

function code(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The rules a diagnostic speaks for: its own, and those of the prompts grouped under it at the same place. */
function rulesOf(d: vscode.Diagnostic): string[] {
  return [code(d), ...(d.relatedInformation ?? []).flatMap((r) => (r.location.range.isEqual(d.range) ? [r.message.split(':')[0] ?? ''] : []))];
}

/** Diagnostics for a rule: its own, and those it is grouped under at a shared place. */
async function diagnosticsFor(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic[]> {
  return waitFor(`a ${rule} diagnostic`, () => {
    const found = casemarkDiagnostics(uri).filter((d) => rulesOf(d).includes(rule));
    return found.length > 0 ? found : undefined;
  });
}

describe('CaseMark in a real VS Code', function () {
  this.timeout(60_000);

  afterEach(closeAll);

  it('activates and checks a case file as it opens, with rule ids linking to the installed docs', async () => {
    const editor = await open('weak.case.md');
    const [certainty] = await diagnosticsFor(editor.document.uri, 'hypothesis-certainty');
    check(vscode.extensions.getExtension(extensionId)?.isActive, 'CaseMark is active');
    check(certainty, 'a certainty diagnostic');
    check(certainty.range.start.line === 21 && certainty.range.start.character === 14, `certainty at ${certainty.range.start.line}:${certainty.range.start.character}`);
    check(certainty.severity === vscode.DiagnosticSeverity.Warning, 'certainty is a warning');
    check(typeof certainty.code === 'object' && certainty.code.target.path.endsWith('/docs/rules/hypothesis-certainty.md'), 'code links to the rule page');
    const rules = new Set(casemarkDiagnostics(editor.document.uri).flatMap(rulesOf));
    for (const rule of ['child-voice-absent', 'no-self-hypothesis', 'evidence-one-sided', 'labels-not-behaviour']) check(rules.has(rule), `has ${rule}`);
  });

  it('groups prompts: one diagnostic per place, most important first, a repeat once with its other places related', async () => {
    const editor = await open('weak.case.md');
    const uri = editor.document.uri;
    await diagnosticsFor(uri, 'hypothesis-certainty');
    const all = casemarkDiagnostics(uri);
    check(all.length === 13, `13 places for the weak sample’s 20 prompts, not ${all.length}`);
    const heading = all.find((d) => d.range.start.line === 19);
    check(heading && code(heading) === 'hypotheses-one-person', `the relational question first on the Hypotheses heading: ${heading && code(heading)}`);
    check(heading.message.endsWith('(3 more questions here, below.)'), heading.message);
    check(rulesOf(heading).join(' ') === 'hypotheses-one-person no-self-hypothesis hypotheses-too-few evidence-one-source', rulesOf(heading).join(' '));
    const bias = all.find((d) => rulesOf(d).includes('evidence-one-sided'));
    check(bias?.severity === vscode.DiagnosticSeverity.Warning && code(bias) === 'hypothesis-no-test', 'an information prompt sits under the warning at its place');
    const noTest = all.find((d) => code(d) === 'hypothesis-no-test');
    check(noTest, 'a no-test diagnostic');
    check(noTest.message.startsWith('H1 has no Test: item.') && noTest.message.includes('The same goes for H2.'), noTest.message);
    const h2 = noTest.relatedInformation?.find((r) => r.message.startsWith('H2 has no Test: item.'));
    check(h2 && h2.location.uri.toString() === uri.toString() && h2.location.range.start.line === 27, 'H2 is a related location, at H2');
    check(!all.some((d) => d.range.start.line === 27 && code(d) === 'hypothesis-no-test'), 'and not a second diagnostic');
  });

  it('the label fix is a snippet: the cursor lands on a placeholder the writer types over, in one undo step', async () => {
    const editor = await open('weak.case.md');
    const uri = editor.document.uri;
    const original = editor.document.getText();
    const label = (await diagnosticsFor(uri, 'labels-not-behaviour')).find((d) => editor.document.getText(d.range) === 'refused to engage');
    check(label, 'a label diagnostic on “refused to engage”');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, label.range, vscode.CodeActionKind.QuickFix.value);
    const describe = actions.find((a) => a.title === 'Describe what happened instead of “refused to engage”');
    check(describe?.edit, `a describe action among ${actions.map((a) => a.title).join(' | ')}`);
    check(await vscode.workspace.applyEdit(describe.edit), 'the snippet edit applies');
    const line = editor.document.lineAt(22).text;
    check(line === '  - For: He [what happened, and when?] the home visit. (source: school)', line);
    check(editor.document.getText(editor.selection) === '[what happened, and when?]', `the placeholder is selected: “${editor.document.getText(editor.selection)}”`);
    await editor.edit((e) => e.replace(editor.selection, 'was out for'));
    check(editor.document.lineAt(22).text === '  - For: He was out for the home visit. (source: school)', editor.document.lineAt(22).text);
    await waitFor('no label prompt left on that line', () => !casemarkDiagnostics(uri).some((d) => d.range.start.line === 22 && rulesOf(d).includes('labels-not-behaviour')));
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    check(editor.document.getText() === original, 'two undo steps (the typing, the fix) restore the text');
  });

  it('opens a rule link as the rendered, read-only rule page, not an editable file', async () => {
    const editor = await open('weak.case.md');
    const [certainty] = await diagnosticsFor(editor.document.uri, 'hypothesis-certainty');
    check(typeof certainty?.code === 'object', 'the rule id is a link');
    const target = certainty.code.target;
    check(target.scheme === 'casemark-docs', `a read-only page of its own: ${target.toString()}`);
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    check(page.startsWith('# hypothesis-certainty'), `the rule page: ${page.slice(0, 40)}`);
    let refused = false;
    await Promise.resolve(vscode.workspace.fs.writeFile(target, new TextEncoder().encode('changed'))).catch(() => (refused = true));
    check(refused, 'the page cannot be written');
    check(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)) === page, 'the page is unchanged');
    // Outside docs/ nothing is reachable through it.
    let outside = false;
    await Promise.resolve(vscode.workspace.fs.readFile(target.with({ path: '/package.json' }))).catch(() => (outside = true));
    check(outside, 'package.json is not reachable as a page');
    // What the Problems panel and the hover do with the link: open it. It shows rendered, in the Markdown preview.
    await vscode.commands.executeCommand('vscode.open', target);
    const preview = await waitFor('the rendered page', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/i.test(t.input.viewType)),
    );
    check(preview.label.includes('hypothesis-certainty'), `the preview of the rule page: ${preview.label}`);
    await waitFor('the raw page to close', () => !vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'casemark-docs'));
  });

  it('leaves ordinary Markdown alone', async () => {
    const editor = await open('plain.md');
    await open('strong.case.md'); // something CaseMark does check, to know it has had its chance
    await sleep(1_000);
    check(casemarkDiagnostics(editor.document.uri).length === 0, 'no CaseMark diagnostics on plain.md');
  });

  it('re-checks as you type, and a quick fix rewords certainty in one undo step', async () => {
    const editor = await open('weak.case.md');
    const uri = editor.document.uri;
    const original = editor.document.getText();
    const [certainty] = await diagnosticsFor(uri, 'hypothesis-certainty');
    check(certainty, 'a certainty diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, certainty.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const reword = actions.find((a) => a.title === 'Replace “clearly” with “perhaps”');
    check(reword?.edit, `a rewording among ${titles.join(' | ')}`);
    check(titles.includes('Replace “clearly” with “it seems”'), 'a second wording');
    check(titles.includes('Disable hypothesis-certainty for this line') && titles.includes('Disable hypothesis-certainty for this file'), 'disable actions');
    check(await vscode.workspace.applyEdit(reword.edit), 'the edit applies');
    check(editor.document.lineAt(21).text.includes('Mr K is perhaps controlling'), editor.document.lineAt(21).text);
    await waitFor('the certainty prompt on “clearly” to go', () => !casemarkDiagnostics(uri).some((d) => code(d) === 'hypothesis-certainty' && d.range.start.isEqual(certainty.range.start)));
    await vscode.commands.executeCommand('undo');
    check(editor.document.getText() === original, 'one undo restores the text');
  });

  it('adds a Test: stub at the right indentation, and disables a rule for one line', async () => {
    const editor = await open('weak.case.md');
    const uri = editor.document.uri;
    const [noTest] = await diagnosticsFor(uri, 'hypothesis-no-test');
    check(noTest, 'a no-test diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, noTest.range, vscode.CodeActionKind.QuickFix.value);
    const stub = actions.find((a) => a.title === 'Add a Test: item to H1');
    check(stub?.edit, `a stub among ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(stub.edit);
    check(/ {2}- Status: confirmed\n {2}- Test: \n- H2/.test(editor.document.getText()), 'the stub sits under H1 at its items’ indentation');

    const [label] = await diagnosticsFor(uri, 'labels-not-behaviour');
    check(label, 'a label diagnostic');
    const line = label.range.start.line;
    const disable = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, label.range, vscode.CodeActionKind.QuickFix.value)).find(
      (a) => a.title === 'Disable labels-not-behaviour for this line',
    );
    check(disable?.edit, 'a disable-for-line action');
    await vscode.workspace.applyEdit(disable.edit);
    check(editor.document.lineAt(line).text.trim() === '<!-- casemark-disable-next-line labels-not-behaviour -->', editor.document.lineAt(line).text);
    await waitFor('the label prompt to go from that line', () => !casemarkDiagnostics(uri).some((d) => code(d) === 'labels-not-behaviour' && d.range.start.line === line + 1));
    check(casemarkDiagnostics(uri).some((d) => code(d) === 'labels-not-behaviour'), 'other labels are still reported');
  });

  it('applies the fixes that are safe together through source.fixAll.casemark', async () => {
    const editor = await open('weak.case.md');
    const uri = editor.document.uri;
    await diagnosticsFor(uri, 'hypothesis-certainty');
    const [fixAll] = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.casemark');
    check(fixAll?.edit, 'a fix-all action');
    await vscode.workspace.applyEdit(fixAll.edit);
    const text = editor.document.getText();
    check(text.includes('Mr K is perhaps controlling and may find change hard.'), 'certainty in the writer’s own statements reworded');
    // Not in bulk: a source's account (the school's "obviously") and labels, which need the writer's own words.
    check(text.includes('He is obviously hostile') && text.includes('refused to engage') && !text.includes('[what did you see or hear?]'), 'accounts and labels left for the writer');
    check((text.match(/- Test: $/gm) ?? []).length === 2, 'a Test: stub under each hypothesis');
    await waitFor('the statements’ certainty prompts to go', () => casemarkDiagnostics(uri).filter((d) => code(d) === 'hypothesis-certainty').length === 1);
  });

  it('explains a hypothesis and a prompt on hover', async () => {
    const editor = await open('strong.case.md');
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('- H3:'));
    await waitFor('the analysis', async () => (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 10))).length > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 10));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    check(text.startsWith('**H3** · *In supervision:*'), `the summary first: ${text}`);
    check(text.includes('Sources: case record, Sara'), text);
  });

  it('outlines sections, hypotheses and people, and sums up the hypotheses in a CodeLens', async () => {
    const editor = await open('strong.case.md');
    const uri = editor.document.uri;
    const symbols = await waitFor('symbols', async () => {
      const all = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      const flat = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((s) => [s, ...flat(s.children ?? [])]);
      const names = flat(all ?? []).map((s) => s.name);
      return names.includes('H4') ? names : undefined;
    });
    for (const name of ['People', 'Amy', 'Hypotheses', 'H1', 'Next steps']) check(symbols.includes(name), `outline has ${name}: ${symbols.join(', ')}`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    check(titles.includes('4 hypotheses'), titles.join(' | '));
  });

  it('follows .casemark.yaml above the file, and editor settings', async () => {
    const editor = await open('team/short.case.md');
    const uri = editor.document.uri;
    const [tooFew] = await diagnosticsFor(uri, 'hypotheses-too-few');
    check(tooFew?.severity === vscode.DiagnosticSeverity.Error, 'the project file makes it an error');
    const settings = vscode.workspace.getConfiguration('casemark');
    await settings.update('rules', { 'no-self-hypothesis': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('no-self-hypothesis to be turned off', () => !casemarkDiagnostics(uri).some((d) => code(d) === 'no-self-hypothesis'));
      await settings.update('minimumHypotheses', 1, vscode.ConfigurationTarget.Global);
      await waitFor('the minimum to drop to 1', () => !casemarkDiagnostics(uri).some((d) => code(d) === 'hypotheses-too-few'));
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('minimumHypotheses', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('creates a new case analysis from the template, quiet until the writer writes, and checks it', async () => {
    const { documents } = await api();
    await vscode.commands.executeCommand('casemark.newCaseAnalysis');
    const editor = await waitFor('the new editor', () => vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor);
    const text = editor.document.getText();
    check(text.startsWith('---\ncasemark: 1') && text.includes('## Hypotheses') && text.includes('## Alternative viewpoint'), 'template sections');
    check(text.includes('H3: An idea about you or the professional system'), 'a hypothesis about the worker');
    check(!text.includes("Child's"), 'no mangled placeholder');
    // Checked, and nothing to say: no prompt before anything is typed.
    const analysis = await waitFor('the template to be checked', () => documents.upToDateAnalysis(editor.document));
    check(analysis.model.hypotheses.length === 3, `three hypotheses: ${analysis.model.hypotheses.length}`);
    await sleep(500);
    const quiet = casemarkDiagnostics(editor.document.uri);
    check(quiet.length === 0, `no prompts on the template: ${quiet.map((d) => `${d.range.start.line + 1} ${code(d)}`).join(', ')}`);
    // The writer's own words are checked as they are typed.
    const line = text.split('\n').findIndex((l) => l.startsWith('- H1:'));
    await editor.edit((e) => e.replace(new vscode.Range(line, 6, line, editor.document.lineAt(line).text.length), 'Mr K is clearly controlling.'));
    await diagnosticsFor(editor.document.uri, 'hypothesis-certainty');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const genogramSection = symbols.flatMap((s) => [s, ...s.children]).find((s) => s.name === 'Genogram' && s.kind === vscode.SymbolKind.String);
    check(genogramSection?.children.some((c) => c.name === 'Genogram' && c.kind === vscode.SymbolKind.Struct), 'the genogram block sits in the Genogram section of the outline');
  });

  it('clears diagnostics when a file is closed', async () => {
    const editor = await open('weak.case.md');
    const uri = editor.document.uri;
    await diagnosticsFor(uri, 'hypothesis-certainty');
    await closeAll();
    await waitFor('diagnostics to clear', () => casemarkDiagnostics(uri).length === 0, 45_000);
  });

  it('never gives a reopened file the analysis of its old document object, even at the same version number', async () => {
    const { documents } = await api();
    const strong = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('strong.case.md')));
    const h4 = strong.indexOf('- H4:');
    const five = `${strong.slice(0, h4)}- H5: Amy may be worried about what happens at school.\n${strong.slice(h4)}`;
    const file = fileUri('reopened.case.md');
    const moved = fileUri('reopened-moved.case.md');
    try {
      // The old object: the file written with four hypotheses, a fifth added in the editor and saved (version 2).
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(strong));
      const first = await open('reopened.case.md');
      const old = first.document;
      await first.edit((e) => e.insert(old.positionAt(h4), five.slice(h4, five.indexOf('- H4:'))));
      check(await old.save(), 'saved');
      await waitFor('the old object analysed, with five hypotheses', () => documents.upToDateAnalysis(old)?.model.hypotheses.length === 5);
      await closeAll();
      // Moving the file away is what makes VS Code let go of the old object; a new file then takes its name.
      const move = new vscode.WorkspaceEdit();
      move.renameFile(file, moved);
      check(await vscode.workspace.applyEdit(move), 'moved');
      await waitFor('the old object to close', () => old.isClosed);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(strong));
      const editor = await open('reopened.case.md');
      const reopened = editor.document;
      check(reopened !== old, 'a new object');
      await waitFor('the new object analysed', () => documents.upToDateAnalysis(reopened));
      // A late caller still holding the old object (a page drawn before the file closed) asks about it...
      check((await documents.analysisNow(old)) === undefined, 'the old object is not tracked');
      // ...and the new object, edited once, reaches the old one's version number with other words.
      await editor.edit((e) => e.insert(reopened.positionAt(h4 + 5), ' '));
      check(reopened.version === old.version, `the same version number: ${reopened.version}, ${old.version}`);
      const analysis = await documents.analysisNow(reopened);
      check(analysis?.model.hypotheses.length === 4, `the analysis is of the new text: ${analysis?.model.hypotheses.length} hypotheses`);
      check(documents.upToDateAnalysis(reopened) === analysis && documents.analysisOf(reopened) === analysis, 'every view of it agrees');
    } finally {
      await closeAll();
      for (const uri of [file, moved]) await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
    }
  });

  it('shows its prompts in the editor and the Problems panel (screenshot)', async () => {
    const editor = await open('weak.case.md');
    await diagnosticsFor(editor.document.uri, 'hypothesis-certainty');
    editor.revealRange(new vscode.Range(15, 0, 30, 0), vscode.TextEditorRevealType.AtTop);
    // The status bar item's command: it must open the Problems panel (and never toggle it shut).
    await vscode.commands.executeCommand('casemark.showProblems');
    await vscode.commands.executeCommand('casemark.showProblems');
    await sleep(1_500);
    console.log('run-host-tests:screenshot casemark-at-work');
    await sleep(3_000);
  });
});
