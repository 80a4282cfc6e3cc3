// Issue 14, item 3: one owner of each document's analysis in the extension. Read from the sources, so that a feature
// that starts analysing on its own, or a second copy of a helper, fails here before it drifts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/extension');
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(path.join(folder, name), 'utf8') }));

describe('one owner of each document’s analysis', () => {
  it('only the runners call analyse(), and only documents.ts asks a runner', () => {
    const code = (text: string) => text.replace(/\/\/.*$/gm, '');
    // Who imports the core's analyse (a method of that name on a runner is not the core's).
    const callers = sources.filter((s) => /import \{[^}]*\banalyse\b[^}]*\} from '\.\.\/core\/index'/.test(s.text)).map((s) => s.name);
    assert.deepEqual(callers, ['analysis-work.ts', 'runner.ts']);
    const askers = sources.filter((s) => /runner\.analyse\(/.test(code(s.text))).map((s) => s.name);
    assert.deepEqual(askers, ['documents.ts']);
  });

  it('announces each analysis with its document, and each file let go', () => {
    const documents = sources.find((s) => s.name === 'documents.ts')?.text ?? '';
    assert.match(documents, /readonly onDidAnalyse = this\.analysed\.event/);
    assert.match(documents, /new vscode\.EventEmitter<DocumentAnalysis>/);
    assert.match(documents, /readonly onDidForget = this\.forgotten\.event/);
    for (const subscriber of ['diagnostics.ts', 'panel.ts', 'exercise.ts']) {
      assert.match(sources.find((s) => s.name === subscriber)?.text ?? '', /documents\.onDidAnalyse\(/, subscriber);
    }
  });

  it('has no panel debounce of its own, and one isOpenInTab and one toDiagnostic', () => {
    assert.doesNotMatch(sources.find((s) => s.name === 'panel.ts')?.text ?? '', /const debounceMs = \d+/);
    for (const helper of ['isOpenInTab', 'toDiagnostic']) {
      const definitions = sources.filter((s) => new RegExp(`function ${helper}\\(`).test(s.text)).map((s) => s.name);
      assert.equal(definitions.length, 1, `${helper} in ${definitions.join(', ')}`);
    }
  });

  it('settings files and case files share the diagnostics conversion (no import circle through documents.ts)', () => {
    const config = sources.find((s) => s.name === 'config.ts')?.text ?? '';
    assert.doesNotMatch(config, /from '\.\/documents'/);
    assert.match(config, /toDiagnostic\(/);
  });
});
