// Quick fixes, hovers, CodeLens and document symbols, all read from the document's latest analysis.
import * as vscode from 'vscode';
import type { Analysis, CaseMessage, CaseModel, Position as UnistPosition } from '../core/index';
import { findRule, groupPrompts, within } from '../core/index';
import { messageRange, toRange } from './diagnostics';
import type { CaseDocuments } from './documents';
import { disableFileEdit, disableLineEdit, fixAlternatives, groupEdits, type OffsetEdit } from './edits';
import { gaps, hypothesesSummary, promptsHover } from './present';
import { threadTime } from './thread-time';

export const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('casemark');

function editOf(document: vscode.TextDocument, edits: OffsetEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const range = (e: OffsetEdit) => new vscode.Range(document.positionAt(e.start), document.positionAt(e.end));
  // A snippet puts the cursor on the placeholder the writer fills in (one edit, one undo step).
  const [only] = edits;
  if (edits.length === 1 && only?.snippet) edit.set(document.uri, [new vscode.SnippetTextEdit(range(only), new vscode.SnippetString(only.snippet))]);
  else for (const e of edits) edit.replace(document.uri, range(e), e.text);
  return edit;
}

function sameSpot(message: CaseMessage, diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === message.ruleId && messageRange(message).isEqual(diagnostic.range);
}

/** One edit per fix that is safe in bulk, first wording, skipping any that would overlap an earlier one. */
export function allFixes(messages: CaseMessage[]): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (const message of messages) {
    const [fix] = fixAlternatives(message);
    if (!fix || !message.fix?.bulk) continue;
    const overlaps = edits.some((e) => fix.start < e.end && e.start < fix.end);
    if (!overlaps) edits.push(fix);
  }
  return edits;
}

export class CaseCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, fixAllKind];
  constructor(private readonly documents: CaseDocuments) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    // Edits are made from offsets, so they must come from an analysis of exactly this text. VS Code also asks
    // on its own (the lightbulb, as the cursor moves while typing): then a stale analysis offers nothing and never
    // waits, and the debounced lint brings the actions back; only when the writer asks is one made at once.
    const asked = context.triggerKind === vscode.CodeActionTriggerKind.Invoke || Boolean(context.only);
    const analysis = asked ? await this.documents.analysisNow(document) : this.documents.upToDateAnalysis(document);
    if (!analysis) return [];
    return this.actionsFor(document, analysis, range, context);
  }

  private actionsFor(document: vscode.TextDocument, analysis: Analysis, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const text = document.getText();
    const actions: vscode.CodeAction[] = [];
    const fixable = allFixes(analysis.messages);
    if (context.only?.contains(fixAllKind) || context.only?.intersects(fixAllKind)) {
      if (fixable.length === 0) return [];
      const fixAll = new vscode.CodeAction('Apply every CaseMark fix', fixAllKind);
      fixAll.edit = editOf(document, fixable);
      return [fixAll];
    }
    const groups = groupPrompts(analysis.messages, analysis.model);
    for (const diagnostic of context.diagnostics.filter((d) => d.source === 'casemark')) {
      const group = groups.find((g) => sameSpot(g.primary.message, diagnostic));
      if (!group) continue;
      groupEdits(group, (offset) => document.positionAt(offset).line).forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = editOf(document, [fix]);
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0;
        actions.push(action);
      });
      for (const prompt of [group.primary, ...group.others]) {
        const message = prompt.message;
        const rule = findRule(message.ruleId);
        if (!rule) continue;
        const lineEdit = disableLineEdit(text, message, analysis.model);
        if (lineEdit) {
          const line = new vscode.CodeAction(`Disable ${rule.id} for this line`, vscode.CodeActionKind.QuickFix);
          line.edit = editOf(document, [lineEdit]);
          line.diagnostics = [diagnostic];
          actions.push(line);
        }
        const file = new vscode.CodeAction(`Disable ${rule.id} for this file`, vscode.CodeActionKind.QuickFix);
        file.edit = editOf(document, [disableFileEdit(text, analysis.model, rule.id)]);
        file.diagnostics = [diagnostic];
        actions.push(file);
      }
    }
    if (fixable.length > 1 && actions.length > 0) {
      const fixAll = new vscode.CodeAction(`Apply ${fixable.length} CaseMark fixes that are safe together`, vscode.CodeActionKind.QuickFix);
      fixAll.edit = editOf(document, fixable);
      actions.push(fixAll);
    }
    return actions;
  }
}

export class CaseHovers implements vscode.HoverProvider {
  constructor(private readonly documents: CaseDocuments) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.documents.analysisOf(document);
    if (!analysis) return undefined;
    const all = groupPrompts(analysis.messages, analysis.model);
    const groups = all.filter((g) => messageRange(g.primary.message).contains(position));
    // A prompt shown once for several hypotheses is still named where it applies.
    const elsewhere = all
      .flatMap((g) => [g.primary, ...g.others])
      .filter((p) => p.related.some((r) => toRange(r.at).contains(position)))
      .map((p) => ({ prompt: p, at: p.message.line ?? 1 }));
    const hypothesis = analysis.model.hypotheses.find((h) => toRange(h.statement.position).contains(position));
    const text = promptsHover(hypothesis, groups, elsewhere);
    return text ? new vscode.Hover(new vscode.MarkdownString(text)) : undefined;
  }
}

export class CaseCodeLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;
  constructor(private readonly documents: CaseDocuments) {
    this.onDidChangeCodeLenses = (listener, thisArgs, disposables) => documents.onDidAnalyse(() => listener.call(thisArgs), null, disposables);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return threadTime.measure('CodeLens', () => this.lenses(document));
  }

  private lenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const analysis = this.documents.analysisOf(document);
    if (!analysis) return [];
    const hypotheses = analysis.model.sections.find((s) => s.kind === 'hypotheses');
    const lenses: vscode.CodeLens[] = [];
    if (hypotheses) {
      lenses.push(
        new vscode.CodeLens(toRange(hypotheses.heading), {
          title: hypothesesSummary(analysis.model),
          tooltip: 'Go to the first hypothesis without a test or with nothing recorded against it',
          command: 'casemark.revealFirstGap',
          arguments: [document.uri],
        }),
      );
    }
    // Over the Hypotheses heading, or the first heading when there is none yet.
    const place = hypotheses ?? analysis.model.sections[0];
    if (place) {
      lenses.push(
        new vscode.CodeLens(toRange(place.heading), {
          title: 'Alternative viewpoint',
          tooltip: 'Questions for supervision from a different starting point, in a new unsaved document beside this one',
          command: 'casemark.alternativeViewpoint',
          arguments: [document.uri],
        }),
      );
    }
    return lenses;
  }
}

export function firstGapRange(model: CaseModel): vscode.Range | undefined {
  const first = gaps(model)[0];
  return first ? toRange(first.hypothesis.statement.position) : undefined;
}

export class CaseSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly documents: CaseDocuments) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const analysis = this.documents.analysisOf(document);
    return analysis ? threadTime.measure('the outline', () => symbolsOf(analysis.model)) : [];
  }
}

/** Sections nested by heading level, hypotheses and diagrams inside their section, people from the frontmatter. */
export function symbolsOf(model: CaseModel): vscode.DocumentSymbol[] {
  const top: vscode.DocumentSymbol[] = [];
  if (model.frontmatter.position && model.people.length > 0) {
    const people = new vscode.DocumentSymbol('People', `${model.people.length}`, vscode.SymbolKind.Namespace, toRange(model.frontmatter.position), toRange(model.frontmatter.position));
    for (const person of model.people) {
      const range = toRange(person.position ?? model.frontmatter.position);
      people.children.push(new vscode.DocumentSymbol(person.name, [person.role, person.age !== undefined ? `${person.age}` : ''].filter(Boolean).join(', '), vscode.SymbolKind.Field, range, range));
    }
    top.push(people);
  }
  const stack: Array<{ depth: number; symbol: vscode.DocumentSymbol; position: UnistPosition }> = [];
  for (const section of model.sections) {
    const range = toRange(section.position);
    const symbol = new vscode.DocumentSymbol(section.title || '(untitled)', section.kind ?? '', vscode.SymbolKind.String, range, toRange(section.heading));
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= section.depth) stack.pop();
    (stack[stack.length - 1]?.symbol.children ?? top).push(symbol);
    stack.push({ depth: section.depth, symbol, position: section.position });
    if (section.kind === 'hypotheses') {
      for (const h of model.hypotheses.filter((h) => within(h.position, section.position))) {
        symbol.children.push(new vscode.DocumentSymbol(h.label, h.statement.text, vscode.SymbolKind.Event, toRange(h.position), toRange(h.statement.position)));
      }
    }
  }
  const all = (symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => symbols.flatMap((s) => [s, ...all(s.children)]);
  for (const diagram of model.diagrams) {
    const name = diagram.kind === 'genogram' ? 'Genogram' : 'Ecomap';
    const range = toRange(diagram.position);
    const symbol = new vscode.DocumentSymbol(name, '', vscode.SymbolKind.Struct, range, range);
    const container = all(top)
      .filter((s) => s.kind === vscode.SymbolKind.String && s.range.contains(range))
      .pop();
    (container?.children ?? top).push(symbol);
  }
  return top;
}
