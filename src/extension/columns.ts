// Where CaseMark opens what it shows beside a case file: one column beside the editor, made once and then reused,
// so that a few commands in a row never leave four narrow columns.
import * as vscode from 'vscode';

/**
 * The column beside the active one (or beside `of`): an existing other column (the one to its right first, else the
 * nearest), or a new one only when the editor is alone.
 */
export function besideColumn(of?: vscode.ViewColumn): vscode.ViewColumn {
  const groups = vscode.window.tabGroups;
  const active = of ?? groups.activeTabGroup.viewColumn;
  const others = groups.all.map((g) => g.viewColumn).filter((c) => c !== active);
  if (others.length === 0) return of === undefined ? vscode.ViewColumn.Beside : ((active + 1) as vscode.ViewColumn);
  const right = others.filter((c) => c > active).sort((a, b) => a - b)[0];
  return right ?? others.sort((a, b) => Math.abs(a - active) - Math.abs(b - active))[0] ?? vscode.ViewColumn.Beside;
}
