// The learner's side of an exercise in the editor: for the active case file whose frontmatter names an exercise,
// the rubric judged on the analysis as they type, shown as a checklist view, a status bar count ("Exercise 5/8")
// and Information diagnostics for the machine checks not met yet. Problems finding or reading the exercise are
// shown in the checklist, never thrown.
import * as vscode from 'vscode';
import type { Analysis } from '../core/index';
import { docsPageUri } from './docs-pages';
import { judgeRubric, type RubricResult } from '../core/exercise/index';
import { toRange } from './diagnostics';
import { isCaseDocument, isOpenInTab, type CaseDocuments } from './documents';
import type { ExerciseFiles, LoadedExercise } from './exercise-files';
import { stateOf, tally, tallyText, type ItemState } from './exercise-text';

export const checklistViewId = 'casemark.exerciseChecklist';

/** One case file's rubric, judged on one version of its text. */
export interface Checklist {
  uri: vscode.Uri;
  version: number;
  loaded: LoadedExercise;
  results: RubricResult[];
}

export type ChecklistNode =
  | { kind: 'exercise'; checklist: Checklist }
  | { kind: 'error'; label: string; detail: string; checklist: Checklist }
  | { kind: 'problem'; message: string; range: vscode.Range; checklist: Checklist }
  | { kind: 'item'; result: RubricResult; state: ItemState; checklist: Checklist };

interface Entry {
  document: vscode.TextDocument;
  /** The frontmatter's `exercise:` at the last analysis. */
  reference: string;
  /** Counts judgements started, so a slower older one never overwrites a newer one. */
  generation: number;
  checklist?: Checklist;
}

function positionAt(text: string, offset: number): vscode.Position {
  const before = text.slice(0, Math.max(0, offset)).split(/\r\n|\r|\n/);
  return new vscode.Position(before.length - 1, (before[before.length - 1] ?? '').length);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export class ExerciseChecklist implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** The case file the view and the status bar are about: the active case editor's, kept while focus is elsewhere. */
  private current: vscode.TextDocument | undefined;
  private readonly treeChanged = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly judged = new vscode.EventEmitter<Checklist>();
  /** A case file's rubric was judged again (for tests and other views). */
  readonly onDidJudge = this.judged.event;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('casemark-exercise');
  readonly view: vscode.TreeView<ChecklistNode>;
  private readonly status = vscode.window.createStatusBarItem('casemark.exercise', vscode.StatusBarAlignment.Right, 99);
  private statusShown = false;
  private readonly docsUri: vscode.Uri;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly documents: CaseDocuments,
    private readonly files: ExerciseFiles,
  ) {
    this.docsUri = docsPageUri('docs/exercises.md');
    this.status.name = 'CaseMark exercise';
    this.status.command = 'casemark.showExerciseChecklist';
    this.view = vscode.window.createTreeView(checklistViewId, { treeDataProvider: this });
    this.subscriptions.push(
      this.view,
      this.status,
      this.diagnostics,
      this.treeChanged,
      this.judged,
      documents.onDidAnalyse(({ document, analysis }) => this.refresh(document, analysis)),
      // Closed, no longer a case file, or CaseMark turned off: CaseMark lets it go, and so does the checklist.
      documents.onDidForget((uri) => this.clear(uri)),
      files.onDidChange(() => {
        for (const entry of this.entries.values()) {
          const analysis = this.documents.upToDateAnalysis(entry.document);
          if (analysis) this.refresh(entry.document, analysis);
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
    );
    for (const document of vscode.workspace.textDocuments) {
      const analysis = this.documents.upToDateAnalysis(document);
      if (analysis) this.refresh(document, analysis);
    }
    this.follow(vscode.window.activeTextEditor);
  }

  /** The latest checklist of a case file, if it names an exercise and it has been judged. */
  checklistOf(uri: vscode.Uri): Checklist | undefined {
    return this.entries.get(uri.toString())?.checklist;
  }

  /** What the status bar item says, while it is shown. */
  get statusText(): string | undefined {
    return this.statusShown ? this.status.text : undefined;
  }

  /** The case file the view shows. */
  get currentDocument(): vscode.TextDocument | undefined {
    return this.current;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // No editor (focus in a view or panel): keep showing the last case file.
    if (!editor) return;
    if (isCaseDocument(editor.document)) this.current = editor.document;
    // An ordinary file in the editor area; output channels and the like have no column and change nothing.
    else if (editor.viewColumn !== undefined) this.current = undefined;
    this.updateView();
  }

  /** Judges the rubric on an analysis of the document's current text, as CaseDocuments announced it. */
  private refresh(document: vscode.TextDocument, analysis: Analysis): void {
    const key = document.uri.toString();
    if (document.isClosed) return this.clear(document.uri);
    const reference = analysis.model.frontmatter.exercise?.trim();
    if (!reference) return this.clear(document.uri);
    const text = document.getText();
    const version = document.version;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { document, reference, generation: 0 };
      this.entries.set(key, entry);
    }
    const referenceChanged = entry.reference !== reference;
    entry.document = document;
    entry.reference = reference;
    if (referenceChanged) entry.checklist = undefined;
    const generation = ++entry.generation;
    const current = entry;
    if (document === this.current) this.updateView();
    void this.files.load(reference, document.uri).then((loaded) => {
      if (this.entries.get(key) !== current || current.generation !== generation) return;
      let results: RubricResult[] = [];
      if (loaded.exercise) {
        try {
          results = judgeRubric(loaded.exercise, analysis, text);
        } catch (error) {
          loaded = { ...loaded, exercise: undefined, error: `CaseMark could not judge the rubric (${error instanceof Error ? error.message : String(error)})` };
        }
      }
      const checklist: Checklist = { uri: document.uri, version, loaded, results };
      current.checklist = checklist;
      this.diagnostics.set(document.uri, this.diagnosticsOf(checklist));
      if (document === this.current) this.updateView();
      this.judged.fire(checklist);
    });
  }

  private diagnosticsOf(checklist: Checklist): vscode.Diagnostic[] {
    if (checklist.loaded.refused) {
      // Said where the writer named it: the `exercise:` line of the frontmatter.
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === checklist.uri.toString());
      const line = document ? Math.max(0, document.getText().split(/\r\n|\r|\n/).findIndex((l) => /^exercise\s*:/.test(l))) : 0;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, document?.lineAt(line).text.length ?? 0), `The exercise was not opened: ${checklist.loaded.error ?? ''}.`, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'casemark';
      diagnostic.code = { value: 'exercise-check', target: this.docsUri };
      return [diagnostic];
    }
    return checklist.results.flatMap(({ item, result }) => {
      if (!result || result.met) return [];
      const range = result.at ? toRange(result.at) : new vscode.Range(0, 0, 0, 0);
      const diagnostic = new vscode.Diagnostic(range, `${item.description} (${result.detail})`, vscode.DiagnosticSeverity.Information);
      diagnostic.source = 'casemark';
      diagnostic.code = { value: 'exercise-check', target: this.docsUri };
      return [diagnostic];
    });
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    const had = this.entries.delete(key);
    this.diagnostics.delete(uri);
    if (this.current?.uri.toString() === key) {
      // Closed (VS Code may keep its document a while after the last tab goes): nothing to show.
      if (this.current.isClosed || !isOpenInTab(uri)) this.current = undefined;
      this.updateView();
    } else if (had) this.updateView();
  }

  private updateView(): void {
    const entry = this.current && this.entries.get(this.current.uri.toString());
    void vscode.commands.executeCommand('setContext', 'casemark.hasExercise', Boolean(entry));
    this.view.description = this.current ? fileName(this.current.uri) : undefined;
    this.treeChanged.fire(undefined);
    const checklist = entry?.checklist;
    if (!checklist) {
      this.status.hide();
      this.statusShown = false;
      return;
    }
    const { exercise, error, reference } = checklist.loaded;
    if (!exercise) {
      this.status.text = '$(warning) Exercise';
      this.status.tooltip = `CaseMark cannot read the exercise “${reference}”: ${error ?? 'unknown reason'}. Click for the checklist.`;
    } else {
      const { met, checks } = tally(checklist.results);
      this.status.text = `$(checklist) Exercise ${met}/${checks}`;
      this.status.tooltip = `${exercise.title}: ${tallyText(checklist.results)}. Click for the checklist.`;
    }
    this.status.show();
    this.statusShown = true;
  }

  /** `casemark.showExerciseChecklist`: the view, opened and focused. */
  async show(): Promise<void> {
    await vscode.commands.executeCommand(`${checklistViewId}.focus`);
  }

  /** `casemark.openExercise`: the exercise file of the case file shown. */
  async openExercise(): Promise<void> {
    const uri = this.current && this.entries.get(this.current.uri.toString())?.checklist?.loaded.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('CaseMark: this case file names no exercise CaseMark can find. Its `exercise:` in the frontmatter says which.');
      return;
    }
    await vscode.window.showTextDocument(uri, { preview: true });
  }

  /** `casemark.revealExerciseItem`: a place in a case file (an unmet item's) or an exercise file (a problem's). */
  async reveal(uri: unknown, range: unknown): Promise<void> {
    if (!(uri instanceof vscode.Uri)) return;
    const selection = range instanceof vscode.Range ? range : undefined;
    const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const document = open?.document ?? (await vscode.workspace.openTextDocument(uri));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: open?.viewColumn, selection, preserveFocus: false });
    if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    if (!node) {
      const checklist = this.current && this.entries.get(this.current.uri.toString())?.checklist;
      if (!checklist) return [];
      const { exercise, error, reference, uri } = checklist.loaded;
      if (exercise) return [{ kind: 'exercise', checklist }];
      return uri
        ? [{ kind: 'error', label: 'Cannot read the exercise file', detail: `${reference}: ${error ?? 'unknown reason'}`, checklist }]
        : [{ kind: 'error', label: 'Cannot find the exercise file', detail: `${reference}: ${error ?? 'unknown reason'}`, checklist }];
    }
    if (node.kind !== 'exercise') return [];
    const { checklist } = node;
    const { exercise, text = '' } = checklist.loaded;
    const problems: ChecklistNode[] = (exercise?.problems ?? []).map((p) => ({
      kind: 'problem',
      message: p.message,
      range: new vscode.Range(positionAt(text, p.start), positionAt(text, p.end)),
      checklist,
    }));
    const items: ChecklistNode[] = checklist.results.map((result) => ({ kind: 'item', result, state: stateOf(result), checklist }));
    return [...problems, ...items];
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    const { checklist } = node;
    switch (node.kind) {
      case 'exercise': {
        const exercise = checklist.loaded.exercise;
        const item = new vscode.TreeItem(exercise?.title ?? 'Exercise', vscode.TreeItemCollapsibleState.Expanded);
        item.id = `exercise:${checklist.uri.toString()}`;
        item.iconPath = new vscode.ThemeIcon('mortar-board');
        const problems = exercise?.problems.length ?? 0;
        item.description = `${tallyText(checklist.results)}${problems > 0 ? ` · ${problems === 1 ? '1 problem' : `${problems} problems`} in the exercise file` : ''}`;
        const tooltip = new vscode.MarkdownString();
        tooltip.appendMarkdown('**').appendText(exercise?.title ?? 'Exercise').appendMarkdown('**');
        if (exercise?.level) tooltip.appendMarkdown('\n\n').appendText(exercise.level);
        if (exercise && exercise.outcomes.length > 0) {
          tooltip.appendMarkdown('\n\nLearning outcomes:\n');
          for (const outcome of exercise.outcomes) tooltip.appendMarkdown('\n- ').appendText(outcome);
        }
        item.tooltip = tooltip;
        item.contextValue = 'exercise';
        return item;
      }
      case 'error': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `error:${checklist.uri.toString()}`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.description = node.detail;
        item.tooltip = `${node.label}. ${node.detail}. The case file's \`exercise:\` says where it is: a path next to the case file, from the workspace folder, or an address.`;
        item.contextValue = 'error';
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.description = 'in the exercise file';
        item.tooltip = `A mistake in the exercise file, for its author: ${node.message}`;
        if (checklist.loaded.uri) item.command = { command: 'casemark.revealExerciseItem', title: 'Go to the mistake', arguments: [checklist.loaded.uri, node.range] };
        item.contextValue = 'problem';
        return item;
      }
      case 'item': {
        const { item: rubric, result } = node.result;
        const item = new vscode.TreeItem(rubric.description, vscode.TreeItemCollapsibleState.None);
        item.id = `item:${checklist.uri.toString()}#${rubric.id}`;
        const icons: Record<ItemState, vscode.ThemeIcon> = {
          met: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
          unmet: new vscode.ThemeIcon('circle-large-outline'),
          person: new vscode.ThemeIcon('person'),
        };
        const words: Record<ItemState, string> = { met: 'Met', unmet: 'Not yet', person: 'For a person to mark' };
        item.iconPath = icons[node.state];
        item.description = node.state === 'unmet' ? result?.detail : node.state === 'person' ? 'for a person to mark' : undefined;
        const tooltip = new vscode.MarkdownString();
        tooltip.appendMarkdown('**').appendText(words[node.state]).appendMarkdown('**: ').appendText(rubric.description);
        if (result) tooltip.appendMarkdown('\n\n').appendText(`Found: ${result.detail}`);
        if (node.state === 'person') tooltip.appendMarkdown('\n\n').appendText('CaseMark does not judge this: your trainer or supervisor will.');
        item.tooltip = tooltip;
        item.accessibilityInformation = { label: `${words[node.state]}: ${rubric.description}${result && !result.met ? `, ${result.detail}` : ''}` };
        if (node.state === 'unmet' && result?.at) {
          item.command = { command: 'casemark.revealExerciseItem', title: 'Go to where this is missing', arguments: [checklist.uri, toRange(result.at)] };
        }
        item.contextValue = `item-${node.state}`;
        return item;
      }
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
