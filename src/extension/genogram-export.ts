// Exporting a case file's drawings next to it: SVG drawn here with the core, PNG drawn by the preview's webview
// (a canvas in the browser: no native dependency). Through vscode.workspace.fs, so it works in VS Code for the Web.
import * as vscode from 'vscode';
import { svgText } from '../core/genogram/index';
import { drawBlocks, exportNames, type PreviewBlock } from '../shared/diagrams';
import type { CaseDocuments } from './documents';
import { mayWrite } from './write-guard';

export class GenogramExport {
  constructor(private readonly documents: CaseDocuments) {}

  /** The diagram blocks of a document as it is now, saved or not. */
  async blocksOf(uri: vscode.Uri): Promise<PreviewBlock[]> {
    const document = await vscode.workspace.openTextDocument(uri);
    const { model } = await this.documents.analysisOfAny(document);
    return model.diagrams.map((d) => ({ kind: d.kind, source: d.source, fenceLine: d.position.start.line }));
  }

  /** Writes standalone SVGs of the blocks (all by default); returns the files written. */
  async exportSvg(uri: vscode.Uri, only?: number[]): Promise<vscode.Uri[]> {
    const blocks = await this.blocksOf(uri);
    // Notes stay out of files that leave the editor (see DrawOptions.notes).
    const drawn = drawBlocks(blocks, { notes: false });
    const encoder = new TextEncoder();
    const files = drawn.map((d) => (d.drawing ? encoder.encode(`<?xml version="1.0" encoding="UTF-8"?>\n${svgText(d.drawing.svg, { standalone: true })}\n`) : undefined));
    return this.write(uri, blocks, 'svg', files, only);
  }

  /** Writes PNGs the webview made (base64), named after their blocks. */
  async writePngs(uri: vscode.Uri, blocks: PreviewBlock[], images: Array<{ block: number; data: string }>): Promise<vscode.Uri[]> {
    const files = blocks.map((_, n) => {
      const image = images.find((i) => i.block === n);
      return image ? fromBase64(image.data) : undefined;
    });
    return this.write(uri, blocks, 'png', files, images.map((i) => i.block));
  }

  private async write(uri: vscode.Uri, blocks: PreviewBlock[], extension: 'svg' | 'png', files: Array<Uint8Array | undefined>, only?: number[]): Promise<vscode.Uri[]> {
    const name = baseName(uri.path);
    if (blocks.length === 0) {
      void vscode.window.showInformationMessage(`CaseMark: ${name} has no \`\`\`genogram or \`\`\`ecomap block to export.`);
      return [];
    }
    if (uri.scheme === 'untitled') {
      void vscode.window.showInformationMessage('CaseMark: save the case file first; the drawings are written next to it.');
      return [];
    }
    const names = exportNames(name, blocks, extension);
    const folder = uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) });
    const targets = names
      .map((fileName, n) => ({ n, fileName, target: vscode.Uri.joinPath(folder, fileName), bytes: files[n] }))
      .filter((t) => t.bytes && (!only || only.includes(t.n)));
    if (targets.length === 0) {
      void vscode.window.showErrorMessage(`CaseMark could not draw the diagrams of ${name}.`);
      return [];
    }
    if (!(await mayWrite(targets.map((t) => t.target), 'the drawings', { detail: `The new drawings of ${name} are written in its folder.` }))) return [];
    for (const t of targets) await vscode.workspace.fs.writeFile(t.target, t.bytes as Uint8Array);
    const written = targets.map((t) => t.target);
    const open = 'Open';
    void Promise.resolve(
      vscode.window.showInformationMessage(`CaseMark wrote ${written.map((w) => vscode.workspace.asRelativePath(w)).join(', ')}, next to ${name}.`, open),
    ).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('vscode.open', written[0]);
    });
    return written;
  }
}


function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
