// Getting started in a real VS Code: a first-time user meets CaseMark's walkthrough without opening anything, and its
// first button opens a sample analysis, checked, beside it. Runs first: CaseMark opens the walkthrough only once.
import * as vscode from 'vscode';
import { api, check, closeAll, waitFor } from './helpers';

const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
/** The walkthrough is VS Code's own editor: its tab has no input type the API knows. */
const walkthroughTab = () => allTabs().find((t) => t.input === undefined && /CaseMark|Walkthrough|Welcome/i.test(t.label));

describe('Getting started in a real VS Code', function () {
  this.timeout(90_000);
  after(closeAll);

  it('opens CaseMark’s walkthrough on the first run, before any Markdown file is open', async () => {
    check(!vscode.workspace.textDocuments.some((d) => d.languageId === 'markdown' && d.uri.scheme !== 'output'), 'no Markdown file opened yet');
    const extension = vscode.extensions.getExtension('casemark.casemark');
    check(extension, 'CaseMark is installed');
    // onStartupFinished activates it; nothing here does.
    await waitFor('CaseMark to start by itself', () => extension.isActive, 30_000);
    const tab = await waitFor('the walkthrough', walkthroughTab, 30_000).catch(() => {
      throw new Error(`no walkthrough tab; tabs: ${allTabs().map((t) => t.label).join(' | ') || 'none'}`);
    });
    check(tab.isActive, `the walkthrough is in front: ${tab.label}`);
    console.log(`walkthrough tab: ${tab.label}`);
    console.log('run-host-tests:screenshot walkthrough');
    await new Promise((r) => setTimeout(r, 1_500));
  });

  it('opens a sample analysis as an unsaved copy beside the walkthrough, with its prompts', async () => {
    await api();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('casemark.openSample', 'weak-analysis');
    check(editor, 'the command answers with the editor');
    check(editor.document.uri.scheme === 'untitled' && editor.document.uri.path.endsWith('weak-analysis.case.md'), `an untitled copy: ${editor.document.uri.toString()}`);
    check(editor.document.getText().includes('# Case analysis: Family B'), 'the sample’s text');
    const diagnostics = await waitFor('its prompts', () => {
      const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'casemark');
      return found.length > 10 && found;
    });
    check(diagnostics.some((d) => typeof d.code === 'object' && d.code.value === 'hypothesis-certainty'), 'the certainty prompt the walkthrough names');
    const walkthrough = walkthroughTab();
    check(walkthrough && walkthrough.group.viewColumn !== editor.viewColumn, `beside the walkthrough: ${walkthrough?.group.viewColumn} and ${editor.viewColumn}`);
    // Opening it again shows the same copy, with the writer's changes.
    const again = await vscode.commands.executeCommand<vscode.TextEditor>('casemark.openSample', 'weak-analysis');
    check(again?.document === editor.document, 'the same copy');
    check(vscode.window.tabGroups.all.length === 2, `two columns, not more: ${vscode.window.tabGroups.all.length}`);
  });
});
