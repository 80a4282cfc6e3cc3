// Issue 13 in the core: the exercise reference stays in the folder (item 9), lone CR files read like LF ones
// (item 11), what was too deep is said at its line (items 3, 12), names with direction controls and unclosed
// frontmatter get a message, CSV cells cannot start a formula, and the viewpoint never copies markup from names.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, buildViewpoint, incompleteAnalysis, phrasesWith, viewpointDocument } from '../../../src/core/index';
import { resolveExerciseReference } from '../../../src/core/exercise/reference';
import { cohortCsv, failedRow } from '../../../src/core/exercise/report';
import { readExercise } from '../../../src/core/exercise/read';
import { decodeCaseFile } from '../../../src/core/exercise/cohort';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('issue 13 in the core', () => {
  describe('item 9: an exercise reference resolves only inside the case folder or the workspace', () => {
    const workspace = '/home/trainer/course';
    const caseFolder = '/home/trainer/course/cohort/amy';
    it('a relative path: beside the case file, then in the workspace folder', () => {
      assert.deepEqual(resolveExerciseReference('week-3.exercise.md', caseFolder, [workspace]), {
        ok: true,
        candidates: ['/home/trainer/course/cohort/amy/week-3.exercise.md', '/home/trainer/course/week-3.exercise.md'],
      });
      assert.deepEqual(resolveExerciseReference('../../exercises\\week-3.exercise.md', caseFolder, [workspace]), { ok: true, candidates: ['/home/trainer/course/exercises/week-3.exercise.md'] });
    });
    for (const reference of ['/etc/passwd', '\\\\server\\share\\x.exercise.md', 'C:\\Users\\x.exercise.md', 'file:///etc/passwd', 'https://example.org/x.exercise.md', 'vscode-vfs://github/x.exercise.md', 'untitled:x']) {
      it(`refuses ${reference}`, () => {
        const resolved = resolveExerciseReference(reference, caseFolder, [workspace]);
        assert.equal(resolved.ok, false);
        assert.match((resolved as { reason: string }).reason, /absolute path|address/);
      });
    }
    it('refuses a way out of both folders', () => {
      const resolved = resolveExerciseReference('../../../../../etc/passwd', caseFolder, [workspace]);
      assert.deepEqual(resolved, { ok: false, reason: 'the path leads out of the case file’s folder and the workspace folder, which CaseMark does not follow' });
      assert.equal(resolveExerciseReference('../x.exercise.md', '/loose', []).ok, false, 'no workspace: only the case file folder');
    });
  });

  describe('item 11: lone CR line endings read as LF and CRLF do', () => {
    for (const name of readdirSync(path.join(root, 'samples')).filter((n) => n.endsWith('.case.md'))) {
      it(`samples/${name}: the same messages, places and genogram`, () => {
        const text = readFileSync(path.join(root, 'samples', name), 'utf8').replace(/\r\n/g, '\n');
        const lf = analyse(text, { path: name });
        for (const ending of ['\r', '\r\n']) {
          const other = analyse(text.replace(/\n/g, ending), { path: name });
          assert.deepEqual(other.messages.map((m) => `${m.line}:${m.column}-${m.ruleId}`), lf.messages.map((m) => `${m.line}:${m.column}-${m.ruleId}`), JSON.stringify(ending));
          assert.deepEqual(
            other.model.diagrams.map((d) => d.genogram.people.map((p) => p.key)),
            lf.model.diagrams.map((d) => d.genogram.people.map((p) => p.key)),
          );
          assert.deepEqual(other.model.people.map((p) => p.name), lf.model.people.map((p) => p.name));
        }
      });
    }
  });

  describe('items 3 and 12: what was too deep, and where', () => {
    it('deep quotes or lists: one incomplete-analysis message at the line, with the depth', () => {
      for (const marker of ['>', '- ', '> - ', '1. ']) {
        const text = `---\ncasemark: 1\n---\n\n## Dilemma\n\nFine.\n\n${marker.repeat(5000)}x\n`;
        const result = analyse(text, { path: 'a.case.md' });
        assert.ok(incompleteAnalysis(result.messages), marker);
        assert.equal(result.messages.length, 1);
        assert.equal(result.messages[0]?.line, 9);
        assert.match(result.messages[0]?.reason ?? '', /^This line nests \d+ levels of block quotes and list items, more than the 1000 CaseMark reads/);
        assert.doesNotMatch(result.messages[0]?.reason ?? '', /call stack/);
      }
    });
    it('ordinary nesting is read', () => {
      const result = analyse(`---\ncasemark: 1\n---\n\n${'> '.repeat(50)}x\n\n${'- '.repeat(50)}y\n`, { path: 'a.case.md' });
      assert.equal(incompleteAnalysis(result.messages), false);
    });
    it('deep YAML: one frontmatter message at the bracket, never a stack overflow', () => {
      const result = analyse(`---\ncasemark: 1\nx: ${'{a: '.repeat(4000)}\n---\n`, { path: 'a.case.md' });
      const messages = result.messages.filter((m) => m.ruleId === 'frontmatter-invalid');
      assert.equal(messages.length, 1, messages.map((m) => m.reason).join('\n'));
      assert.equal(messages[0]?.line, 3);
      assert.match(messages[0]?.reason ?? '', /nests 4000 levels of brackets/);
    });
    it('unterminated frontmatter is said, at line 1', () => {
      const result = analyse('---\ncasemark: 1\npeople:\n  - Kerry\n\n## Dilemma\n', { path: 'a.case.md' });
      assert.ok(result.messages.some((m) => m.ruleId === 'frontmatter-invalid' && m.line === 1 && /never closed/.test(m.reason)), result.messages.map((m) => m.reason).join('\n'));
    });
    it('a name with an unpaired direction control is flagged, and no message carries the control itself', () => {
      const result = analyse('---\ncasemark: 1\npeople:\n  - {name: "Kerry \u202Esenoj", role: mother}\n---\n\n## Dilemma\n\nKerry \u202Esenoj is clearly aggressive.\n', { path: 'a.case.md' });
      assert.ok(result.messages.some((m) => /direction control \(U\+202E\)/.test(m.reason)));
      for (const m of result.messages) assert.doesNotMatch(m.reason, /[\u202A-\u202E\u2066-\u2069]/u, m.reason);
    });
    it('invalid UTF-8 is a reason, not replacement characters', () => {
      const decoded = decodeCaseFile(new Uint8Array([0x41, 0x0a, 0x42, 0xff, 0x43]));
      assert.deepEqual(decoded, { ok: false, reason: 'is not valid UTF-8 text (the first bad byte is at line 2, byte 4); save it as UTF-8 and try again' });
      assert.equal(decodeCaseFile(new TextEncoder().encode('Zoë 👍')).ok, true);
    });
  });

  describe('item 12: CSV cells and rubric aliases', () => {
    it('cells starting with = + - @, a tab, CR or LF (even after spaces) are neutralised', () => {
      const exercise = readExercise('---\ntitle: T\nrubric:\n  - id: a\n    description: A.\n    marked-by: person\n---\n');
      for (const name of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\n=1', '  =1']) {
        const csv = cohortCsv(exercise, [failedRow(exercise, name, 'x')]);
        const cell = csv.split('\r\n')[1]?.split('","')[0] ?? '';
        assert.equal(cell, `"'${name}`, JSON.stringify(name));
      }
    });
    it('a rubric item written as an alias is the item it names', () => {
      const exercise = readExercise('---\ntitle: T\nshared: &h\n  id: h\n  description: Three.\n  check: {hypotheses: 3}\nrubric:\n  - *h\n---\n');
      assert.deepEqual(exercise.problems, []);
      assert.deepEqual(exercise.rubric.map((r) => [r.id, r.check]), [['h', { name: 'hypotheses', value: 3 }]]);
    });
  });

  describe('item 12: the viewpoint copies no markup from names', () => {
    it('a name written as HTML is shown as text', () => {
      const text = '---\ncasemark: 1\npeople:\n  - {name: "<img src=x onerror=alert(1)>", role: mother}\n---\n\n## Hypotheses\n\n- H1: <img src=x onerror=alert(1)> may be tired.\n  - For: <b>she</b> said so. (source: <img src=x onerror=alert(1)>)\n';
      const analysis = analyse(text, { path: 'a.case.md' });
      const markdown = viewpointDocument(buildViewpoint(analysis, text, phrasesWith()));
      assert.doesNotMatch(markdown, /<img|<b>/);
      assert.match(markdown, /&lt;img src=x onerror=alert\(1\)&gt;/);
    });
  });
});
