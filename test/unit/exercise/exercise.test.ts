// The rubric vocabulary: every check met on one analysis and not met on another; exercise files read with their mistakes placed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse } from '../../../src/core/index';
import { checkKinds, judgeRubric, readExercise, type Exercise } from '../../../src/core/exercise/index';

const strong = readFileSync(new URL('../../../samples/strong-analysis.case.md', import.meta.url), 'utf8');
const weak = readFileSync(new URL('../../../samples/weak-analysis.case.md', import.meta.url), 'utf8');

function exerciseWith(check: string): Exercise {
  const exercise = readExercise(`---\ntitle: T\nrubric:\n  - id: c\n    description: d\n    check: ${check}\n---\nVignette.\n`);
  assert.deepEqual(exercise.problems, [], check);
  return exercise;
}

function judge(check: string, text: string) {
  const [result] = judgeRubric(exerciseWith(check), analyse(text, { path: 'learner.case.md' }), text);
  assert.ok(result?.result, 'a machine check');
  return result.result;
}

/** Each check, a value, and which sample meets it: strong meets all of these, weak none. */
const cases: Array<[string, string]> = [
  ['hypotheses', '{hypotheses: 4}'],
  ['self-hypothesis', 'self-hypothesis'],
  ['every-hypothesis-tested', 'every-hypothesis-tested'],
  ['hypotheses-with-evidence-against', '{hypotheses-with-evidence-against: 4}'],
  ['genogram', '{genogram: 6}'],
  ['person-in-hypothesis', '{person-in-hypothesis: father}'],
  ['viewpoint-section', 'viewpoint-section'],
  ['no-messages', '{no-messages: labels}'],
  ['word-limit', '{word-limit: "dilemma: 60"}'],
  ['headings', '{headings: [dilemma, genogram, viewpoint]}'],
];

describe('exercises', () => {
  describe('rubric vocabulary', () => {
    it('tests every check the vocabulary has', () => {
      assert.deepEqual(cases.map(([name]) => name).sort(), checkKinds.map((k) => k.name).sort());
    });

    for (const [name, check] of cases) {
      it(`${name}: met by the strong sample, not by the weak one, with a place to look`, () => {
        const met = judge(check, strong);
        assert.equal(met.met, true, `strong: ${met.detail}`);
        const unmet = judge(check, weak);
        assert.equal(unmet.met, false, `weak: ${unmet.detail}`);
        assert.ok(unmet.at && (unmet.at.start.line ?? 0) >= 1, 'a place in the learner file');
      });
    }

    it('docs/exercises.md describes every check', () => {
      const docs = readFileSync(new URL('../../../docs/exercises.md', import.meta.url), 'utf8');
      assert.deepEqual(checkKinds.filter((k) => !docs.includes(`| \`${k.name}\` |`)).map((k) => k.name), []);
    });

    it('says what it found', () => {
      assert.equal(judge('{hypotheses: 3}', weak).detail, '2 hypotheses of 3');
      assert.equal(judge('every-hypothesis-tested', weak).detail, 'no Test: on H1, H2');
      assert.equal(judge('{headings: [dilemma, genogram, viewpoint]}', weak).detail, 'missing: dilemma, genogram, viewpoint');
      assert.match(judge('{no-messages: labels-not-behaviour}', weak).detail, /^3 messages$/);
    });

    it('self-hypothesis: an About: line naming the writer or the services counts, whatever the statement says', () => {
      const about = (who: string) => `---\ncasemark: 1\n---\n\n## Hypotheses\n\n- H1: Visits happen at the wrong time of day.\n  - About: ${who}\n`;
      for (const who of ['me', 'the professional system', 'Worker, Dad']) assert.equal(judge('self-hypothesis', about(who)).met, true, who);
      for (const who of ['Dad', 'the school', 'mentor']) assert.equal(judge('self-hypothesis', about(who)).met, false, who);
    });
  });

  describe('exercise files', () => {
    it('reads the two sample exercises without a problem', () => {
      for (const name of ['unmet-father', 'school-absence']) {
        const exercise = readExercise(readFileSync(new URL(`../../../samples/exercises/${name}.exercise.md`, import.meta.url), 'utf8'));
        assert.deepEqual(exercise.problems, [], name);
        assert.ok(exercise.rubric.length >= 6);
        assert.ok(exercise.rubric.some((r) => !r.check), 'and lists a check for a person to mark');
        assert.match(exercise.vignette, /^# /);
      }
    });

    it('lists checks for a person to mark without judging them', () => {
      const exercise = readExercise('---\ntitle: T\nrubric:\n  - id: r\n    description: Reflection\n    marked-by: person\n---\n');
      const [result] = judgeRubric(exercise, analyse(strong, { path: 'a.case.md' }), strong);
      assert.equal(result?.result, undefined);
      assert.equal(result?.item.description, 'Reflection');
    });

    it('reports a trainer’s mistakes at their place, and keeps the rest', () => {
      const text = '---\ntitle: T\nrubric:\n  - id: a\n    description: A\n    check: {hypotheses: three}\n  - id: b\n    description: B\n    check: telepathy\n  - id: a\n    description: C\n    check: self-hypothesis\n  - id: d\n    description: D\n---\n';
      const exercise = readExercise(text);
      assert.deepEqual(exercise.problems.map((p) => [p.message, text.slice(p.start, p.end).split('\n')[0]]), [
        ['hypotheses takes a whole number: how many hypotheses at least', '{hypotheses: three}'],
        ['Unknown check “telepathy”. The checks are listed in docs/exercises.md.', 'telepathy'],
        ['The id “a” is used twice.', 'id: a'],
        ['Rubric item “d” has no `check`. Give one from docs/exercises.md, or write `marked-by: person` for a check a person marks.', 'id: d'],
      ]);
      assert.deepEqual(exercise.rubric.map((r) => [r.id, r.check?.name, Boolean(r.invalid)]), [['a', undefined, true], ['b', undefined, true], ['a', 'self-hypothesis', false], ['d', undefined, false]]);
      const judged = judgeRubric(exercise, analyse(strong, { path: 'a.case.md' }), strong);
      assert.deepEqual(judged.map((r) => r.result?.met), [false, false, true, undefined], 'a broken check is not met, never left for a person');
      assert.match(judged[1]?.result?.detail ?? '', /cannot be used: Unknown check “telepathy”/);
    });

    it('says when there is no frontmatter or no rubric', () => {
      assert.match(readExercise('Just a vignette.').problems[0]?.message ?? '', /starts with frontmatter/);
      assert.match(readExercise('---\ntitle: T\n---\n').problems[0]?.message ?? '', /needs a `rubric`/);
    });
  });
});
