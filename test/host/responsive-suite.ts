// Issue 16: the extension host's thread stays free while CaseMark analyses. The test runs in that very thread, so a
// 5 ms timer measures its longest blocking slice while typing in a 5,000-line case file with a 4.9 MB one open
// (the 4.9 MB file in the Node host, whose analysis runs on a worker thread).
import * as vscode from 'vscode';
import { generateCase } from '../../bench/generate';
import { check, closeAll, sleep, waitFor } from './helpers';

/** Runs `during` and answers the longest gap between 5 ms timer ticks, less the 5 ms, in milliseconds. */
async function longestSlice(during: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  try {
    await during();
  } finally {
    clearInterval(timer);
  }
  return worst;
}

const casemark = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'casemark');
/** The Node host analyses on a worker thread; the web worker host in place (see docs/performance.md). */
const nodeHost = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';

describe('CaseMark keeps the extension host responsive', function () {
  this.timeout(120_000);
  afterEach(closeAll);

  it('types in a 5,000-line file, with a 4.9 MB file open, without holding the thread', async () => {
    const text = generateCase(5_000);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: text }));
    await waitFor('the first analysis', () => casemark(editor.document.uri).length > 0, 60_000);
    const big = generateCase(150_000).slice(0, 4.9 * 1024 * 1024 - 1000);
    let bigDocument: vscode.TextDocument | undefined;
    const typing = await longestSlice(async () => {
      // In place (the web worker host) the big file would hold the thread until its budget stops it: Node host only.
      if (nodeHost) {
        bigDocument = await vscode.workspace.openTextDocument({ language: 'markdown', content: big });
        await vscode.window.showTextDocument(bigDocument, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      }
      for (let i = 0; i < 20; i++) {
        const line = 400 + i * 50;
        await editor.edit((edit) => edit.insert(new vscode.Position(line, 2), 'perhaps '));
        await sleep(60);
      }
      await sleep(1_000);
    });
    const finished = await longestSlice(async () => {
      if (nodeHost) await waitFor('the big file checked, or stopped by the budget', () => bigDocument && casemark(bigDocument.uri).length > 0, 90_000);
    });
    check(casemark(editor.document.uri).length > 0, 'the typed-in file is still checked');
    console.log(`longest blocking slice: typing ${typing.toFixed(0)} ms, until the 4.9 MB file was checked ${finished.toFixed(0)} ms (${nodeHost ? 'Node host, worker thread' : 'web worker host, in place'})`);
    if (nodeHost) {
      // The bound is 50 ms; the margin is for a shared 2-core machine, where the OS itself can hold a thread back.
      check(typing < 150, `typing held the thread for ${typing.toFixed(0)} ms`);
      check(finished < 150, `the 4.9 MB file held the thread for ${finished.toFixed(0)} ms`);
    } else {
      // In place, each re-analysis of an edit holds the thread for its own (incremental) time.
      check(typing < 2_000, `typing held the thread for ${typing.toFixed(0)} ms`);
    }
  });
});
