// `casemark.gradeCohort`: the trainer's `casemark grade` in the editor. Picks an exercise and a folder of
// submissions, checks them with a cancellable progress notification (on worker threads in the desktop host), and
// writes report.html and report.csv into the folder's casemark-report/.
import * as vscode from 'vscode';
import { decodeCaseFile, gradeCohort, overSizeReason, type GradeWorker, type Submission } from '../core/exercise/cohort';
import type { Exercise } from '../core/exercise/read';
import { cohortCsv, cohortHtml, commonGaps, type SubmissionRow } from '../core/exercise/report';
import type { ExerciseFiles } from './exercise-files';
import { pickExercise } from './exercise-start';
import { mayWrite } from './write-guard';

/** What the host can do for grading: the desktop host starts worker threads, the web host grades in place. */
export interface GradingHost {
  workers: number;
  startWorker?: (exercise: Exercise) => GradeWorker;
}

export interface GradeResult {
  rows: SubmissionRow[];
  report: vscode.Uri;
  csv: vscode.Uri;
  cancelled: boolean;
  /** How many worker threads did the checking (none in the web host). */
  workers: number;
}

const skipped = new Set(['node_modules', '.git', 'casemark-report']);

/** Every *.case.md under the folder, by path from it, through workspace.fs so virtual workspaces work too. */
async function caseFilesUnder(folder: vscode.Uri, prefix = ''): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(folder).then(undefined, () => [] as Array<[string, vscode.FileType]>);
  const found: string[] = [];
  for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (type & vscode.FileType.Directory) {
      if (!skipped.has(name)) found.push(...(await caseFilesUnder(vscode.Uri.joinPath(folder, name), `${prefix}${name}/`)));
    } else if (name.endsWith('.case.md')) {
      found.push(`${prefix}${name}`);
    }
  }
  return found;
}

function readSubmission(folder: vscode.Uri, file: string): Submission {
  const uri = vscode.Uri.joinPath(folder, ...file.split('/'));
  return {
    file,
    read: async () => {
      try {
        const overSize = overSizeReason((await vscode.workspace.fs.stat(uri)).size);
        if (overSize) return { ok: false, reason: overSize };
        return decodeCaseFile(await vscode.workspace.fs.readFile(uri));
      } catch (error) {
        return { ok: false, reason: error instanceof vscode.FileSystemError && error.code === 'NoPermissions' ? 'permission denied' : error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: 'Check Submissions',
    title: 'CaseMark: the folder of learners’ case files (*.case.md)',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return chosen?.[0];
}

/** The command: an exercise and a folder given (tests, explorer) or asked for. */
export async function gradeCohortCommand(files: ExerciseFiles, host: GradingHost, exerciseArg?: unknown, folderArg?: unknown, options?: { replace?: boolean }): Promise<GradeResult | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const exerciseUri = exerciseArg instanceof vscode.Uri ? exerciseArg : active?.path.endsWith('.exercise.md') ? active : await pickExercise(files, 'Check Submissions');
  if (!exerciseUri) return undefined;
  const { exercise, error } = await files.read(exerciseUri);
  if (!exercise || exercise.rubric.length === 0) {
    void vscode.window.showErrorMessage(`CaseMark cannot check submissions against ${exerciseUri.path.slice(exerciseUri.path.lastIndexOf('/') + 1)}: ${error ?? 'it has no rubric checks'}.`);
    return undefined;
  }
  const folder = folderArg instanceof vscode.Uri ? folderArg : await pickFolder();
  if (!folder) return undefined;
  const found = await caseFilesUnder(folder);
  if (found.length === 0) {
    void vscode.window.showWarningMessage(`CaseMark: there are no *.case.md submissions in ${vscode.workspace.asRelativePath(folder)}.`);
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder, 'casemark-report');
  const report = vscode.Uri.joinPath(target, 'report.html');
  const csv = vscode.Uri.joinPath(target, 'report.csv');
  // A report open with unsaved changes holds someone's words: leave it alone.
  const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && (d.uri.toString() === report.toString() || d.uri.toString() === csv.toString()));
  if (dirty) {
    void vscode.window.showWarningMessage(`CaseMark: ${vscode.workspace.asRelativePath(dirty.uri)} is open with unsaved changes; save or close it, then check the submissions again.`);
    return undefined;
  }
  // Checked before grading, as the CLI does: never through a link, and an earlier report only replaced when asked.
  const guard = { folders: [target], detail: 'They are the report of an earlier check of this folder.' };
  if (!(await mayWrite([report, csv], 'the report', { ...guard, replace: options?.replace === true }))) return undefined;
  const submissions = found.map((file) => readSubmission(folder, file));
  let cancelled = false;
  let workers = 0;
  const startWorker = host.startWorker;
  const rows = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `CaseMark: checking ${found.length} submissions against “${exercise.title}”`, cancellable: true },
    (progress, token) => {
      let shown = 0;
      return gradeCohort(exercise, submissions, {
        workers: host.workers,
        startWorker: startWorker && ((data: Exercise) => (workers++, startWorker(data))),
        cancelled: () => (cancelled = token.isCancellationRequested),
        progress: (done, total) => {
          const percent = Math.floor((done / total) * 100);
          progress.report({ message: `${done} of ${total}`, increment: percent - shown });
          shown = percent;
        },
      });
    },
  );
  // Again, as grading took a while: the answer to Replace stands, a link that appeared meanwhile is still refused.
  if (!(await mayWrite([report, csv], 'the report', { ...guard, replace: true }))) return undefined;
  await vscode.workspace.fs.createDirectory(target);
  await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(cohortHtml(exercise, rows)));
  await vscode.workspace.fs.writeFile(csv, new TextEncoder().encode(cohortCsv(exercise, rows)));
  const broken = rows.filter((r) => r.error).length;
  const gaps = commonGaps(exercise, rows).slice(0, 3);
  const summary = [
    `CaseMark checked ${rows.length} of ${found.length} submissions${cancelled ? ' (stopped early)' : ''}${broken > 0 ? `; ${broken} could not be read` : ''}.`,
    gaps.length > 0 ? `Most common gaps: ${gaps.map((g) => `${g.id} (${g.count})`).join(', ')}.` : '',
  ].join(' ');
  void vscode.window.showInformationMessage(summary.trim(), 'Open Report', 'Open CSV').then((choice) => {
    // The page is self-contained: the system browser shows it as the trainer will share it.
    if (choice === 'Open Report') void (report.scheme === 'file' ? vscode.env.openExternal(report) : vscode.commands.executeCommand('revealInExplorer', report));
    if (choice === 'Open CSV') void vscode.window.showTextDocument(csv);
  });
  return { rows, report, csv, cancelled, workers };
}
