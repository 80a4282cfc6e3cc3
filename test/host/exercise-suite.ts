// Exercises for the learner in a real VS Code (Node or web worker extension host): Start Exercise's untitled case
// file, the checklist view's items as the analysis changes, the status bar count, the exercise-check diagnostics,
// an exercise file that is missing, faulty or changed on disk, and the trainer's Check Submissions. Only `vscode`; fixtures in workspace/exercises/.
import * as vscode from 'vscode';
import type { ChecklistNode, ExerciseChecklist } from '../../src/extension/exercise';
import type { GradeResult } from '../../src/extension/exercise-grade';
import { api, check, closeAll, fileUri, open as openFile, sleep, waitFor } from './helpers';

const open = (name: string) => openFile(name, { viewColumn: vscode.ViewColumn.One, preview: false });

/** The checklist's items by rubric id, as the view shows them for the current case file. */
function states(exercises: ExerciseChecklist): Record<string, string> | undefined {
  const [root] = exercises.getChildren();
  if (root?.kind !== 'exercise') return undefined;
  const found: Record<string, string> = {};
  for (const node of exercises.getChildren(root)) if (node.kind === 'item') found[node.result.item.id] = node.state;
  return found;
}

/** Waits until the view shows these states for this document. */
async function statesFor(exercises: ExerciseChecklist, document: vscode.TextDocument, want: Record<string, string>): Promise<void> {
  await waitFor(`the checklist to show ${JSON.stringify(want)} (shows ${JSON.stringify(states(exercises))})`, () => {
    if (exercises.currentDocument?.uri.toString() !== document.uri.toString()) return false;
    const now = states(exercises);
    return now !== undefined && Object.entries(want).every(([id, state]) => now[id] === state);
  });
}

function exerciseDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => typeof d.code === 'object' && d.code.value === 'exercise-check');
}

/** Replaces the frontmatter's `exercise:` line (or removes it, with undefined), in the editor only. */
async function setExercise(editor: vscode.TextEditor, reference: string | undefined): Promise<void> {
  const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('exercise:'));
  check(line > 0, 'an exercise: line');
  const range = reference === undefined ? new vscode.Range(line, 0, line + 1, 0) : editor.document.lineAt(line).range;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(editor.document.uri, range, reference === undefined ? '' : `exercise: ${reference}`);
  check(await vscode.workspace.applyEdit(edit), 'the edit applies');
}

/** What the status bar item says (a function, so that TypeScript does not narrow it between checks). */
const statusOf = (exercises: ExerciseChecklist): string | undefined => exercises.statusText;

const rootOf = (exercises: ExerciseChecklist): ChecklistNode | undefined => exercises.getChildren()[0];

describe('Exercises in a real VS Code', function () {
  this.timeout(90_000);
  // Edited fixtures are never saved: the harness turns the web workbench's autosave off (run-host-tests.mjs).
  afterEach(closeAll);

  it('Start Exercise opens a new untitled case file naming the exercise, with its vignette quoted', async () => {
    const { exercises } = await api();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('casemark.startExercise', fileUri('exercises/practice.exercise.md'));
    check(editor, 'an editor');
    const { document } = editor;
    check(document.isUntitled && document.uri.scheme === 'untitled', `untitled, nothing written: ${document.uri.toString()}`);
    check(document.languageId === 'markdown', `Markdown: ${document.languageId}`);
    check(vscode.window.activeTextEditor?.document === document, 'opened in the editor');
    const text = document.getText();
    check(/^---\ncasemark: 1\nexercise: exercises\/practice\.exercise\.md\ncase: Mornings at the Bakers'\n/.test(text), `frontmatter: ${text.slice(0, 120)}`);
    check(text.includes('## The vignette\n'), 'a vignette heading');
    check(text.includes('\n> Mia is 6 and has missed nine school days this term.'), 'the vignette quoted');
    check(!text.includes("> # Mornings at the Bakers'"), 'the vignette’s own title left out');
    for (const heading of ['## Dilemma', '## Genogram', '```genogram\n```', '## Hypotheses', '## Alternative viewpoint', '## Reflections', '## Next steps']) check(text.includes(heading), `has ${heading}`);
    // The untitled file names the exercise from the workspace folder. Nothing is written yet, so no check is met,
    // not even "no labels" (issue 17).
    await statesFor(exercises, document, { hypotheses: 'unmet', self: 'unmet', tests: 'unmet', labels: 'unmet', reflection: 'person' });
    check(statusOf(exercises) === '$(checklist) Exercise 0/4', `status: ${statusOf(exercises)}`);
    // Once the learner writes, the trainer's "hard to reach" in the quoted vignette is not theirs: it costs them nothing.
    const dilemma = document.getText().split('\n').indexOf('## Dilemma');
    await editor.edit((e) => e.insert(new vscode.Position(dilemma + 1, 0), '\nMia’s mum says mornings fall apart when the baby has been up in the night.\n'));
    await statesFor(exercises, document, { hypotheses: 'unmet', self: 'unmet', tests: 'unmet', labels: 'met', reflection: 'person' });
    check(statusOf(exercises) === '$(checklist) Exercise 1/4', `status: ${statusOf(exercises)}`);
  });

  it('shows the rubric of the active case file, judged again as the analysis changes, with diagnostics for what is not met', async () => {
    const { exercises } = await api();
    const editor = await open('exercises/learner.case.md');
    const { document } = editor;
    await statesFor(exercises, document, { hypotheses: 'unmet', self: 'unmet', tests: 'met', labels: 'met', reflection: 'person' });
    const root = rootOf(exercises);
    check(root?.kind === 'exercise', 'the exercise at the top');
    const title = exercises.getTreeItem(root);
    check(title.label === "Mornings at the Bakers'", `title: ${String(title.label)}`);
    check(title.description === '2 of 4 checks met · 1 for a person to mark', `summary: ${String(title.description)}`);
    check(statusOf(exercises) === '$(checklist) Exercise 2/4', `status: ${statusOf(exercises)}`);

    const items = exercises.getChildren(root);
    const unmet = items.find((n) => n.kind === 'item' && n.result.item.id === 'hypotheses');
    check(unmet, 'the hypotheses item');
    const unmetItem = exercises.getTreeItem(unmet);
    check(unmetItem.description === '1 hypothesis of 2', `the detail as description: ${String(unmetItem.description)}`);
    const person = items.find((n) => n.kind === 'item' && n.state === 'person');
    check(person && exercises.getTreeItem(person).description === 'for a person to mark', 'a person marks the reflection');

    const diagnostics = await waitFor('two exercise-check diagnostics', () => (exerciseDiagnostics(document.uri).length === 2 ? exerciseDiagnostics(document.uri) : undefined));
    const hypotheses = diagnostics.find((d) => d.message === 'Write at least two hypotheses. (1 hypothesis of 2)');
    check(hypotheses, `messages: ${diagnostics.map((d) => d.message).join(' | ')}`);
    check(hypotheses.severity === vscode.DiagnosticSeverity.Information && hypotheses.source === 'casemark', 'Information, from casemark');
    const code = hypotheses.code;
    check(typeof code === 'object' && code.target.path.endsWith('/docs/exercises.md'), `code target: ${JSON.stringify(code)}`);
    const hypothesesLine = document.getText().split('\n').indexOf('## Hypotheses');
    check(hypotheses.range.start.line === hypothesesLine, `at the Hypotheses heading (${hypothesesLine}): ${hypotheses.range.start.line}`);

    // Clicking the unmet item goes to where it is missing.
    check(unmetItem.command?.command === 'casemark.revealExerciseItem', 'the item has a command');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(unmetItem.command.command, ...(unmetItem.command.arguments ?? []));
    await waitFor('the selection at the Hypotheses heading', () => vscode.window.activeTextEditor?.selection.start.line === hypothesesLine);

    await vscode.commands.executeCommand('casemark.showExerciseChecklist');
    await sleep(1_500);
    console.log('run-host-tests:screenshot exercise-checklist');
    await sleep(3_000);

    // A second hypothesis, about the worker and with a test: three more items met, their diagnostics gone.
    const status = document.getText().split('\n').indexOf('  - Status: open');
    check(status > 0, 'H1’s status line');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(status + 1, 0), '- H2: My visits may feel like an inspection, so Mia’s mum tells me little.\n  - About: worker\n  - Test: Ask her, with my manager, what my visits are like for her.\n');
    check(await vscode.workspace.applyEdit(edit), 'the edit applies');
    await statesFor(exercises, document, { hypotheses: 'met', self: 'met', tests: 'met', labels: 'met', reflection: 'person' });
    check(statusOf(exercises) === '$(checklist) Exercise 4/4', `status: ${statusOf(exercises)}`);
    await waitFor('no exercise-check diagnostics', () => exerciseDiagnostics(document.uri).length === 0);

    // A label in the learner's own words: that item opens again, with a diagnostic on the word.
    const dilemma = document.getText().split('\n').indexOf('## Dilemma');
    const label = new vscode.WorkspaceEdit();
    label.insert(document.uri, new vscode.Position(dilemma + 2, 0), 'The school says Mia’s mum is hard to reach.\n\n');
    check(await vscode.workspace.applyEdit(label), 'the edit applies');
    await statesFor(exercises, document, { labels: 'unmet' });
    const [labels] = await waitFor('a labels diagnostic', () => (exerciseDiagnostics(document.uri).length === 1 ? exerciseDiagnostics(document.uri) : undefined));
    check(labels?.message === 'Describe what people did and said, not labels. (1 message)', `message: ${labels?.message}`);
    check(labels.range.start.line === dilemma + 2, `on the label's line: ${labels.range.start.line}`);
  });

  it('says in the checklist when the exercise is missing or has mistakes, and clears everything when the file names none', async () => {
    const { exercises } = await api();
    const editor = await open('exercises/learner.case.md');
    const { document } = editor;
    await statesFor(exercises, document, { hypotheses: 'unmet' });
    await waitFor('exercise-check diagnostics', () => exerciseDiagnostics(document.uri).length > 0);

    await setExercise(editor, 'missing.exercise.md');
    const missing = await waitFor('an error item', () => {
      const root = rootOf(exercises);
      return root?.kind === 'error' ? root : undefined;
    });
    const missingItem = exercises.getTreeItem(missing);
    check(missingItem.label === 'Cannot find the exercise file', `label: ${String(missingItem.label)}`);
    check(String(missingItem.description).startsWith('missing.exercise.md: not found'), `reason: ${String(missingItem.description)}`);
    check(statusOf(exercises) === '$(warning) Exercise', `status: ${statusOf(exercises)}`);
    check(exerciseDiagnostics(document.uri).length === 0, 'no exercise diagnostics without an exercise');

    await setExercise(editor, 'faulty.exercise.md');
    const problem = await waitFor('a problem item', () => {
      const root = rootOf(exercises);
      return root?.kind === 'exercise' ? exercises.getChildren(root).find((n) => n.kind === 'problem') : undefined;
    });
    check(problem.kind === 'problem' && problem.message.includes('mind-reading'), `the trainer's mistake: ${problem.kind === 'problem' ? problem.message : ''}`);
    const problemItem = exercises.getTreeItem(problem);
    check(problemItem.command?.arguments?.[0]?.toString() === fileUri('exercises/faulty.exercise.md').toString(), 'goes to the mistake in the exercise file');
    await statesFor(exercises, document, { hypotheses: 'unmet' });

    // Issue 13, item 9: an absolute path or an address is not followed, and a warning on the exercise: line says so.
    const exerciseLine = document.getText().split('\n').findIndex((l) => l.startsWith('exercise:'));
    for (const [reference, reason] of [['/etc/passwd', /absolute path is not followed/], ['file:///etc/passwd', /address is not followed/], ['../../../../../../etc/passwd', /leads out of/]] as const) {
      await setExercise(editor, reference);
      const refused = await waitFor(`a warning for ${reference}`, () => exerciseDiagnostics(document.uri).find((d) => reason.test(d.message)));
      check(refused.severity === vscode.DiagnosticSeverity.Warning && refused.range.start.line === exerciseLine, `on the exercise: line as a warning: ${JSON.stringify(refused.range)} ${refused.message}`);
      check(rootOf(exercises)?.kind === 'error', `the checklist shows no exercise for ${reference}`);
    }

    await setExercise(editor, undefined);
    await waitFor('an empty checklist', () => exercises.getChildren().length === 0 && exercises.checklistOf(document.uri) === undefined);
    check(statusOf(exercises) === undefined, `no status: ${statusOf(exercises)}`);
    await waitFor('no exercise diagnostics', () => exerciseDiagnostics(document.uri).length === 0);
  });

  it('reads the exercise again when it changes on disk, and forgets the case file when it closes', async () => {
    const { exercises } = await api();
    const temporary = fileUri('exercises/tmp-watched.exercise.md');
    const write = (minimum: number) =>
      vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(`---\ntitle: Watched\nrubric:\n  - id: hypotheses\n    description: Write at least ${minimum} hypotheses.\n    check: {hypotheses: ${minimum}}\n---\n\nA vignette.\n`));
    try {
      await write(3);
      const editor = await open('exercises/learner.case.md');
      const { document } = editor;
      await statesFor(exercises, document, { hypotheses: 'unmet' });
      await setExercise(editor, 'tmp-watched.exercise.md');
      await waitFor('the watched exercise', () => exercises.checklistOf(document.uri)?.loaded.reference === 'tmp-watched.exercise.md');
      await statesFor(exercises, document, { hypotheses: 'unmet' });
      check(exercises.getChildren(rootOf(exercises)).length === 1, 'the watched exercise’s one item');
      await write(1);
      await waitFor('the changed exercise', () => exercises.checklistOf(document.uri)?.results[0]?.result?.met === true, 30_000);
      check(statusOf(exercises) === '$(checklist) Exercise 1/1', `status: ${statusOf(exercises)}`);
      await write(2);
      await waitFor('the changed exercise again', () => exercises.checklistOf(document.uri)?.results[0]?.result?.detail === '1 hypothesis of 2', 30_000);
      await waitFor('its diagnostic', () => exerciseDiagnostics(document.uri).length === 1);

      await closeAll();
      await waitFor('the closed file forgotten', () => exercises.checklistOf(document.uri) === undefined && exerciseDiagnostics(document.uri).length === 0);
      check(exercises.getChildren().length === 0, 'an empty checklist');
    } finally {
      await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    }
  });

  it('Check Submissions never writes its report through a link, and replaces an earlier report only when asked', async () => {
    await api();
    // The fixture's casemark-report/report.html is a symbolic link to the folder's own case file.
    const linked = fileUri('exercises/linked');
    const caseFile = vscode.Uri.joinPath(linked, 'amy.case.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(caseFile));
    const link = await vscode.workspace.fs.stat(vscode.Uri.joinPath(linked, 'casemark-report/report.html'));
    check(link.type & vscode.FileType.SymbolicLink, 'the fixture holds the link');
    const refused = await vscode.commands.executeCommand<GradeResult | undefined>('casemark.gradeCohort', fileUri('exercises/practice.exercise.md'), linked, { replace: true });
    check(refused === undefined, 'nothing graded or written, even with Replace answered in advance');
    check(new TextDecoder().decode(await vscode.workspace.fs.readFile(caseFile)) === before, 'the case file behind the link is untouched');
    check((await vscode.workspace.fs.stat(vscode.Uri.joinPath(linked, 'casemark-report/report.html'))).type & vscode.FileType.SymbolicLink, 'the link is still a link');

    // An earlier report, a plain file, is replaced when Replace is the answer.
    const folder = fileUri('exercises/cohort');
    const reports = vscode.Uri.joinPath(folder, 'casemark-report');
    try {
      await vscode.workspace.fs.createDirectory(reports);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(reports, 'report.csv'), new TextEncoder().encode('an earlier report\n'));
      const result = await vscode.commands.executeCommand<GradeResult | undefined>('casemark.gradeCohort', fileUri('exercises/practice.exercise.md'), folder, { replace: true });
      check(result, 'graded');
      const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(reports, 'report.csv')));
      check(csv.startsWith('"file",'), `the earlier report replaced: ${csv.slice(0, 40)}`);
    } finally {
      await Promise.resolve(vscode.workspace.fs.delete(reports, { recursive: true })).catch(() => undefined);
    }
  });

  it('Check Submissions grades a folder of case files with progress, into report.html and report.csv beside them', async () => {
    await api();
    const folder = fileUri('exercises/cohort');
    const broken = vscode.Uri.joinPath(folder, 'broken.case.md');
    const reports = vscode.Uri.joinPath(folder, 'casemark-report');
    try {
      await vscode.workspace.fs.writeFile(broken, new Uint8Array([35, 32, 0, 1, 2]));
      const result = await vscode.commands.executeCommand<GradeResult | undefined>('casemark.gradeCohort', fileUri('exercises/practice.exercise.md'), folder);
      check(result, 'a result');
      const cells = Object.fromEntries(result.rows.map((r) => [r.file, r.error ?? r.cells.join(' ')]));
      const want = {
        'amy.case.md': 'met met met met to mark',
        'broken.case.md': 'looks like a binary file, not Markdown text',
        'late/ben.case.md': 'not yet not yet not yet met to mark',
      };
      check(JSON.stringify(cells) === JSON.stringify(want), `rows: ${JSON.stringify(cells)}`);
      check(!result.cancelled, 'not cancelled');
      // The desktop host checks on worker threads; the web worker host has none and checks in place.
      const web = !(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
      check(web ? result.workers === 0 : result.workers >= 2, `workers: ${result.workers} (${web ? 'web' : 'desktop'})`);
      const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(reports, 'report.csv')));
      check(csv.split(/\r?\n/)[0] === '"file","hypotheses","self","tests","labels","reflection","machine checks met","machine checks","error"', `CSV head: ${csv.split(/\r?\n/)[0]}`);
      check(csv.includes('"late/ben.case.md","not yet"'), 'a row by path');
      const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(reports, 'report.html')));
      check(html.includes('late/ben.case.md') && html.includes('to mark') && !/<script|https?:\/\//i.test(html), 'a self-contained page with every row');
    } finally {
      await Promise.resolve(vscode.workspace.fs.delete(broken)).catch(() => undefined);
      await Promise.resolve(vscode.workspace.fs.delete(reports, { recursive: true })).catch(() => undefined);
    }
  });
});
