import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, pointAt, single, span } from '../helpers';

const id = 'hypotheses-missing';

describe(id, () => {
  describe('fires', () => {
    it('when there is no Hypotheses section, at the first heading', () => {
      const text = caseFile('# Case analysis: Family C\n\n## Dilemma\n\nTwo referrals in three months.\n');
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, '# Case analysis: Family C'));
      assert.match(m.reason, /no Hypotheses section yet/);
      assert.match(m.reason, /## Hypotheses/);
    });

    it('when there are no headings at all, at the first text after the frontmatter', () => {
      const text = caseFile('\n\nJust some notes.\n');
      const at = pointAt(text, text.indexOf('Just'));
      assertAt(single(lintRule(id, text)), { start: at, end: at });
    });

    it('on an empty file', () => {
      const m = single(lintRule(id, ''));
      assertAt(m, { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } });
    });

    it('when the Hypotheses section lists nothing, at its heading', () => {
      const text = caseFile('## Dilemma\n\nx\n\n## Hypotheses\n\nI have some ideas but have not written them.\n\n## Plan\n\n- visit\n');
      const m = single(lintRule(id, text));
      assertAt(m, span(text, '## Hypotheses'));
      assert.match(m.reason, /lists no hypotheses yet/);
    });

    it('when the only list comes after the next CaseMark section', () => {
      const text = caseFile('## Hypotheses\n\n## Reflections\n\n- a thought\n');
      assertAt(single(lintRule(id, text)), span(text, '## Hypotheses'));
    });

    it('when a heading only resembles the section name', () => {
      const text = caseFile('## Hypothesis testing notes\n\n- H1: a\n');
      assert.match(single(lintRule(id, text)).reason, /no Hypotheses section/);
    });
  });

  describe('does not fire', () => {
    it('when the section lists one hypothesis (too few is another rule)', () => {
      assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: Dad may feel left out.'))), []);
    });

    it('with a heading synonym, in any case, numbered or with a colon', () => {
      for (const heading of ['## Working Hypotheses', '# HYPOTHESES', '### 2. Hypothesising:', '## hypothesis']) {
        assert.deepEqual(lintRule(id, caseFile(`${heading}\n\n- H1: a\n`)), [], heading);
      }
    });

    it('with a section name added through project config or frontmatter', () => {
      const body = '## Ideas\n\n- H1: a\n';
      assert.equal(lintRule(id, caseFile(body)).length, 1);
      assert.deepEqual(lintRule(id, caseFile(body), { path: 'x.case.md', config: { sections: { hypotheses: ['ideas'] } } }), []);
      assert.deepEqual(lintRule(id, caseFile(body, 'casemark:\n  sections:\n    hypotheses: [ideas]')), []);
    });

    it('in a plain Markdown file', () => {
      assert.deepEqual(lintRule(id, '# Notes\n', { path: 'notes.md' }), []);
    });
  });

  describeSeverity(id, (fm) => caseFile('## Dilemma\n\nx\n', fm));
});
