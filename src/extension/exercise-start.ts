// `casemark.startExercise`: pick an exercise and start the learner's case file for it, as a new untitled Markdown
// document (nothing written to disk: the learner saves it where they keep their work).
import * as vscode from 'vscode';
import type { ExerciseFiles } from './exercise-files';
import { exerciseCaseText, relativePath, suggestedCaseName } from './exercise-text';
import { openUntitled } from './untitled';

interface ExercisePick extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

/** What the case file's `exercise:` says: the path from the workspace folder, or the exercise's address outside one. */
export function exerciseReference(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return (folder && relativePath(folder.uri.path, uri.path)) ?? uri.toString();
}

/** A pick of the workspace's exercises, or one browsed for; `action` names the command ("Start Exercise"). */
export async function pickExercise(files: ExerciseFiles, action = 'Start Exercise'): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles('**/*.exercise.md', '**/node_modules/**', 500);
  const items: ExercisePick[] = await Promise.all(
    found.map(async (uri) => {
      const { exercise } = await files.read(uri);
      const path = vscode.workspace.asRelativePath(uri);
      return { label: exercise?.title ?? path, description: exercise ? path : undefined, detail: exercise?.level, uri };
    }),
  );
  items.sort((a, b) => a.label.localeCompare(b.label));
  const browse: ExercisePick = { label: '$(folder-opened) Browse…', description: 'an exercise file anywhere' };
  const picked = await vscode.window.showQuickPick<ExercisePick>(
    [...items, ...(items.length > 0 ? [{ label: '', kind: vscode.QuickPickItemKind.Separator }] : []), browse],
    { title: `CaseMark: ${action}`, placeHolder: items.length > 0 ? 'Which exercise?' : 'No *.exercise.md files in this workspace: browse for one', matchOnDescription: true },
  );
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectMany: false,
    canSelectFolders: false,
    openLabel: action,
    title: 'CaseMark: choose an exercise file (*.exercise.md)',
    filters: { 'Exercise files': ['md'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return chosen?.[0];
}

/** The command: an exercise given (explorer menu, tests) or picked; returns the editor of the new case file. */
export async function startExercise(files: ExerciseFiles, uri?: unknown): Promise<vscode.TextEditor | undefined> {
  const exerciseUri = uri instanceof vscode.Uri ? uri : await pickExercise(files);
  if (!exerciseUri) return undefined;
  const { exercise, error } = await files.read(exerciseUri);
  if (!exercise) {
    void vscode.window.showErrorMessage(`CaseMark could not read the exercise ${exerciseUri.path.slice(exerciseUri.path.lastIndexOf('/') + 1)}: ${error ?? 'unknown reason'}.`);
    return undefined;
  }
  const content = exerciseCaseText(exercise, exerciseReference(exerciseUri), new Date().toISOString().slice(0, 10));
  const document = await openUntitled(content, 'the case file for this exercise');
  if (!document) return undefined;
  const editor = await vscode.window.showTextDocument(document);
  const name = suggestedCaseName(exerciseUri.path);
  const problems = exercise.problems.length;
  const note = problems > 0 ? ` The exercise file has ${problems === 1 ? 'a mistake' : `${problems} mistakes`} (see the checklist); tell its author.` : '';
  void vscode.window
    .showInformationMessage(`CaseMark: your analysis for “${exercise.title}” is a new file, not saved yet. Save it as ${name} where you keep your work; the Exercise Checklist shows how it is going.${note}`, 'Show Checklist')
    .then((choice) => (choice ? vscode.commands.executeCommand('casemark.showExerciseChecklist') : undefined));
  return editor;
}
