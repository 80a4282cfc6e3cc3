// No exercise check passes on nothing (issue 17): an empty submission, the file Start Exercise makes, and the
// new-case template meet no machine check, in the editor's checklist and in `casemark grade` alike; each says
// "not yet". Written content still meets them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyse, newCaseTemplate } from '../../../src/core/index';
import { judgeRubric, readExercise } from '../../../src/core/exercise/index';
import { gradeSubmission } from '../../../src/core/exercise/report';
import { exerciseCaseText, tally } from '../../../src/extension/exercise-text';

const exerciseText = readFileSync('samples/exercises/unmet-father.exercise.md', 'utf8');
const exercise = readExercise(exerciseText);
const emptySubmission = '---\ncasemark: 1\nexercise: unmet-father.exercise.md\n---\n\n# Case analysis\n\n## Dilemma\n\n## Hypotheses\n\n## Next steps\n';
const judged = (text: string) => judgeRubric(exercise, analyse(text, { path: 'learner.case.md' }), text);
const metIds = (text: string) => judged(text).filter((r) => r.result?.met).map((r) => r.item.id);

describe('exercise checks on nothing', () => {
  it('meets no check on an empty Dilemma and no hypotheses (was “labels” and “dilemma-length”, 2 of 9)', () => {
    assert.deepEqual(metIds(emptySubmission), []);
    const { met, checks } = tally(judged(emptySubmission));
    assert.equal(met, 0);
    assert.equal(checks, 9);
    const details = Object.fromEntries(judged(emptySubmission).map((r) => [r.item.id, r.result?.detail]));
    assert.equal(details.labels, 'nothing written yet');
    assert.equal(details['dilemma-length'], 'the dilemma section is empty');
    assert.match(details.sections ?? '', /missing: genogram; empty: dilemma, hypotheses, plan/);
  });

  it('meets no check on the file Start Exercise makes, nor on the new-case template', () => {
    assert.deepEqual(metIds(exerciseCaseText(exercise, 'unmet-father.exercise.md', '2026-12-03')), []);
    // The template's H3 is "About: worker" and its sections have placeholder sentences: none of it is the learner's.
    assert.deepEqual(metIds(newCaseTemplate('2026-12-03')), []);
  });

  it('still meets the checks on written content', () => {
    const written = emptySubmission
      .replace('## Dilemma\n', '## Dilemma\n\nJordan’s mum says his father wants no contact; we have not asked him.\n')
      .replace('## Hypotheses\n', '## Hypotheses\n\n- H1: I may have accepted one account of Jordan’s father too quickly.\n  - About: worker\n  - Test: Ask Jordan’s mum whether I may write to him.\n');
    assert.deepEqual(metIds(written).sort(), ['dilemma-length', 'father', 'labels', 'self', 'tests'].sort());
  });

  it('grades an empty submission “not yet” in every machine check, in casemark grade', function () {
    this.timeout(60_000);
    const row = gradeSubmission(exercise, 'empty.case.md', emptySubmission);
    assert.deepEqual(row.cells, [...Array(9).fill('not yet'), 'to mark']);
    const dir = mkdtempSync(path.join(tmpdir(), 'casemark-empty-'));
    try {
      mkdirSync(path.join(dir, 'cohort'));
      writeFileSync(path.join(dir, 'cohort/empty.case.md'), emptySubmission);
      writeFileSync(path.join(dir, 'unmet-father.exercise.md'), exerciseText);
      const run = spawnSync(process.execPath, [path.resolve('bin/casemark.js'), 'grade', 'unmet-father.exercise.md', 'cohort', '--out', 'report'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(run.status, 0, run.stderr);
      const csv = readFileSync(path.join(dir, 'report/report.csv'), 'utf8').split(/\r?\n/);
      assert.match(csv[1] ?? '', /^"empty.case.md",("not yet",){9}"to mark","0","9",""$/);
      assert.match(readFileSync(path.join(dir, 'report/report.html'), 'utf8'), /✗ not yet/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
