import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, ruleSettings, single, span, withRule } from '../helpers';

const id = 'hypotheses-too-few';
const two = hypotheses('- H1: Dad may feel left out.', '- H2: Amy may be caring for Mum.');
const three = hypotheses('- H1: Dad may feel left out.', '- H2: Amy may be caring for Mum.', '- H3: I may favour Mum’s account.');

describe(id, () => {
  describe('fires', () => {
    it('with fewer than three hypotheses, at the Hypotheses heading', () => {
      const text = caseFile(`## Dilemma\n\nx\n\n${two}`);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, '## Hypotheses'));
      assert.match(m.reason, /^2 hypotheses so far\./);
      assert.match(m.reason, /at least 3 ideas/);
    });

    it('says “1 hypothesis” for one', () => {
      const m = single(lintRule(id, caseFile(hypotheses('- H1: a'))));
      assert.match(m.reason, /^1 hypothesis so far\./);
    });

    it('counts hypotheses across several lists in the section', () => {
      const text = caseFile('## Hypotheses\n\n- H1: a\n\nSome prose between.\n\n- H2: b\n');
      assert.match(single(lintRule(id, text)).reason, /^2 hypotheses/);
    });
  });

  describe('does not fire', () => {
    it('with three hypotheses', () => {
      assert.deepEqual(lintRule(id, caseFile(three)), []);
    });

    it('with none (that is hypotheses-missing)', () => {
      const text = caseFile('## Hypotheses\n\nNothing yet.\n');
      assert.deepEqual(lintRule(id, text), []);
      assert.equal(lintRule('hypotheses-missing', text).length, 1);
    });

    it('on lists in other sections', () => {
      const text = caseFile(`${three}\n## Plan\n\n- a\n- b\n`);
      assert.deepEqual(lintRule(id, text), []);
    });
  });

  describe('options', () => {
    it('minimum from project config', () => {
      assert.deepEqual(lintRule(id, caseFile(two), withRule(id, { minimum: 2 })), []);
      assert.match(single(lintRule(id, caseFile(three), withRule(id, { minimum: 4 }))).reason, /^3 hypotheses so far\..*at least 4 ideas/);
    });

    it('minimum from frontmatter, over project config', () => {
      assert.deepEqual(lintRule(id, caseFile(two, ruleSettings(id, '{minimum: 2}'))), []);
      const text = caseFile(three, ruleSettings(id, '{minimum: 5, severity: error}'));
      const m = single(lintRule(id, text, withRule(id, { minimum: 2 })));
      assert.match(m.reason, /at least 5 ideas/);
      assert.equal(m.severity, 'error');
    });
  });

  describeSeverity(id, (fm) => caseFile(two, fm));
});
