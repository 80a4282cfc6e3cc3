// CaseMark in VS Code, for both hosts (desktop/Node and web worker): node.ts and web.ts are the entries and differ
// only in what the host can do (worker threads for grading); everything else is in core.
import * as vscode from 'vscode';
import { newCaseTemplate } from '../core/index';
import { ProjectConfigs } from './config';
import { CaseDiagnostics } from './diagnostics';
import { DocsFileSystem } from './docs-pages';
import { CaseDocuments } from './documents';
import type { AnalysisRunner } from './runner';
import { ExerciseChecklist } from './exercise';
import { ExerciseFiles } from './exercise-files';
import { gradeCohortCommand, type GradingHost } from './exercise-grade';
import { startExercise } from './exercise-start';
import { registerGenogramEditing } from './genogram-editing';
import { GenogramExport } from './genogram-export';
import { GenogramPreview } from './genogram-preview';
import { extendMarkdownIt } from '../shared/markdown-preview';
import { CaseCodeActions, CaseCodeLenses, CaseHovers, CaseSymbols, firstGapRange } from './providers';
import { statusText } from './present';
import { Viewpoints } from './viewpoint';
import { ViewpointPanel } from './viewpoint-panel';
import { ShareableCopies } from './share';
import { openSample, openWalkthroughOnFirstRun } from './walkthrough';
import { threadTime, type ThreadTime } from './thread-time';
import { openUntitled } from './untitled';

/** Case files stay Markdown: the selector narrows to them by name, and the providers answer only for analysed files. */
const selector: vscode.DocumentSelector = [{ language: 'markdown' }];

export interface CaseMarkApi {
  documents: CaseDocuments;
  /** Where analyses run (a worker, or in place when none could start). */
  analysisRunner: AnalysisRunner;
  /** How long CaseMark's own work has held this thread at a time. */
  threadTime: ThreadTime;
  preview: GenogramPreview;
  viewpoints: Viewpoints;
  viewpointPanel: ViewpointPanel;
  /** The exercise checklist view's data, status bar count and diagnostics. */
  exercises: ExerciseChecklist;
  exerciseFiles: ExerciseFiles;
  /** Shareable copies and the pseudonym mapping panel. */
  sharing: ShareableCopies;
  /** The built-in Markdown preview calls this (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt: typeof extendMarkdownIt;
}

export function activateCaseMark(context: vscode.ExtensionContext, grading: GradingHost, runner: AnalysisRunner): CaseMarkApi {
  const configs = new ProjectConfigs();
  const documents = new CaseDocuments(configs, runner);
  const diagnostics = new CaseDiagnostics(documents);
  const exporter = new GenogramExport(documents);
  const preview = new GenogramPreview(context.extensionUri, documents, exporter);
  const viewpoints = new Viewpoints(documents);
  const viewpointPanel = new ViewpointPanel(context.extensionUri, documents, viewpoints);
  const exerciseFiles = new ExerciseFiles();
  const exercises = new ExerciseChecklist(documents, exerciseFiles);
  const sharing = new ShareableCopies(context.extensionUri, configs, (uri) => viewpoints.caseDocument(uri), runner);
  /** The file a genogram command is about: the one it was given, the active Markdown editor's, or the preview's. */
  const diagramFile = (uri?: vscode.Uri): vscode.Uri | undefined => {
    if (uri instanceof vscode.Uri) return uri;
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'markdown') return editor.document.uri;
    return preview.documentUri;
  };
  const noFile = () => void vscode.window.showInformationMessage('CaseMark: open a case file (*.case.md) with a ```genogram or ```ecomap block first.');
  const status = vscode.window.createStatusBarItem('casemark.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'CaseMark';
  status.command = 'casemark.showProblems';

  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    const analysis = editor && documents.analysisOf(editor.document);
    void vscode.commands.executeCommand('setContext', 'casemark.isCaseFile', Boolean(analysis));
    if (!analysis) {
      status.hide();
      return;
    }
    const { text, tooltip } = statusText(analysis.model, analysis.messages);
    status.text = text;
    status.tooltip = tooltip;
    status.show();
  };

  context.subscriptions.push(
    new DocsFileSystem(context.extensionUri),
    configs,
    runner,
    documents,
    diagnostics,
    status,
    documents.onDidAnalyse(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.languages.registerCodeActionsProvider(selector, new CaseCodeActions(documents), { providedCodeActionKinds: CaseCodeActions.kinds }),
    vscode.languages.registerHoverProvider(selector, new CaseHovers(documents)),
    vscode.languages.registerCodeLensProvider(selector, new CaseCodeLenses(documents)),
    vscode.languages.registerDocumentSymbolProvider(selector, new CaseSymbols(documents), { label: 'CaseMark' }),
    ...registerGenogramEditing(documents),
    vscode.commands.registerCommand('casemark.newCaseAnalysis', async () => {
      const document = await openUntitled(newCaseTemplate(new Date().toISOString().slice(0, 10)), 'a new case analysis');
      return document && vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerCommand('casemark.openSample', (name?: unknown) => openSample(context.extensionUri, name ?? 'weak-analysis')),
    vscode.commands.registerCommand('casemark.revealFirstGap', async (uri?: vscode.Uri) => {
      const editor = uri ? await vscode.window.showTextDocument(uri) : vscode.window.activeTextEditor;
      const analysis = editor && documents.analysisOf(editor.document);
      const range = analysis && firstGapRange(analysis.model);
      if (!editor || !range) {
        void vscode.window.showInformationMessage('CaseMark: every hypothesis has a test and something recorded against it.');
        return;
      }
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    // The view's focus command opens the panel without toggling it shut; no API can pre-set its filter.
    vscode.commands.registerCommand('casemark.showProblems', () => vscode.commands.executeCommand('workbench.panel.markers.view.focus')),
    preview,
    vscode.commands.registerCommand('casemark.openGenogramPreview', (uri?: vscode.Uri) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('casemark.exportGenogramSvg', async (uri?: vscode.Uri) => {
      const file = diagramFile(uri);
      if (!file) return noFile();
      return exporter.exportSvg(file);
    }),
    // PNGs are drawn by the preview's webview (a canvas): no native image library in the extension.
    vscode.commands.registerCommand('casemark.exportGenogramPng', async (uri?: vscode.Uri) => {
      const file = diagramFile(uri);
      if (!file) return noFile();
      const blocks = await exporter.blocksOf(file);
      if (blocks.length === 0) return exporter.writePngs(file, blocks, []);
      try {
        const rendered = await preview.renderPngs(file);
        return exporter.writePngs(file, rendered.blocks, rendered.images);
      } catch (error) {
        void vscode.window.showErrorMessage(`CaseMark could not make the PNGs: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    }),
    viewpoints,
    viewpointPanel,
    // Each takes the case file as an optional argument (CodeLens, explorer menu, the message's button), else the active one.
    // The readable page by default; as Markdown, or into the case file, from its buttons or the palette.
    vscode.commands.registerCommand('casemark.alternativeViewpoint', (uri?: vscode.Uri) => viewpointPanel.open(uri)),
    vscode.commands.registerCommand('casemark.openViewpointMarkdown', (uri?: vscode.Uri) => viewpoints.openMarkdown(uri)),
    vscode.commands.registerCommand('casemark.insertViewpoint', (uri?: vscode.Uri) => viewpoints.insert(uri)),
    // The page's earlier name, for keybindings that use it.
    vscode.commands.registerCommand('casemark.showViewpointPanel', (uri?: vscode.Uri) => viewpointPanel.open(uri)),
    exerciseFiles,
    exercises,
    // The exercise file as an optional argument (explorer menu), else a pick of the workspace's exercises.
    vscode.commands.registerCommand('casemark.startExercise', (uri?: vscode.Uri) => startExercise(exerciseFiles, uri)),
    vscode.commands.registerCommand('casemark.showExerciseChecklist', () => exercises.show()),
    vscode.commands.registerCommand('casemark.openExercise', () => exercises.openExercise()),
    vscode.commands.registerCommand('casemark.revealExerciseItem', (uri?: vscode.Uri, range?: vscode.Range) => exercises.reveal(uri, range)),
    sharing,
    vscode.commands.registerCommand('casemark.createShareableCopy', (uri?: vscode.Uri) => sharing.create(uri)),
    vscode.commands.registerCommand('casemark.saveMapping', (target?: vscode.Uri) => sharing.saveMapping(target)),
    // The exercise (explorer menu, tests) and the submissions folder (tests) are optional; else asked for.
    vscode.commands.registerCommand('casemark.gradeCohort', (exercise?: vscode.Uri, folder?: vscode.Uri, options?: { replace?: boolean }) => gradeCohortCommand(exerciseFiles, grading, exercise, folder, options)),
  );
  updateStatus();
  void openWalkthroughOnFirstRun(context);
  // The name tagger (about 0.3 s to load) is loaded where analysis runs, before the first text that needs it
  // (analysis-work.ts, runner.ts), and here only when a shareable copy is made: never on this thread for nothing.
  return { documents, analysisRunner: runner, threadTime, preview, viewpoints, viewpointPanel, exercises, exerciseFiles, sharing, extendMarkdownIt };
}

