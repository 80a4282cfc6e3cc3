import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, ruleSettings, single, span, withRule } from '../helpers';

const id = 'hypothesis-duplicate';
// The same idea, one word apart.
const alike = hypotheses('- H1: Mr K is clearly controlling and will never change.', '- H2: Mr K is controlling and he will never change.');

describe(id, () => {
  describe('fires', () => {
    it('on the later of two near-identical hypotheses, at its statement', () => {
      const text = caseFile(alike);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, 'H2: Mr K is controlling and he will never change.'));
      assert.match(m.reason, /^H2 reads very like H1\./);
    });

    it('ignoring case, punctuation and small words', () => {
      const text = caseFile(hypotheses('- H1: a', '- H2: Amy stays home to care for her mum.', '- H3: AMY stays at home, to care for Mum!'));
      assert.match(single(lintRule(id, text)).reason, /^H3 reads very like H2\./);
    });

    it('on each later copy, naming the first it resembles', () => {
      const text = caseFile(hypotheses('- H1: Amy stays home to care for Mum.', '- H2: Amy stays home to care for Mum.', '- H3: Amy stays home to care for Mum.'));
      assert.deepEqual(lintRule(id, text).map((m) => m.reason.slice(0, 21)), ['H2 reads very like H1', 'H3 reads very like H1']);
    });
  });

  describe('does not fire', () => {
    it('on different ideas about the same people', () => {
      const text = caseFile(hypotheses('- H1: Mr K is controlling at home.', '- H2: Mr K feels shut out by the school.'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on statements with no content words', () => {
      assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: He is.', '- H2: He is.'))), []);
    });
  });

  describe('options', () => {
    it('similarity from project config', () => {
      assert.deepEqual(lintRule(id, caseFile(alike), withRule(id, { similarity: 100 })), []);
      const different = caseFile(hypotheses('- H1: Mr K is controlling at home.', '- H2: Mr K feels shut out by the school.'));
      assert.equal(lintRule(id, different, withRule(id, { similarity: 0 })).length, 1);
    });

    it('similarity from frontmatter', () => {
      assert.deepEqual(lintRule(id, caseFile(alike, ruleSettings(id, '{similarity: 100}'))), []);
      const different = caseFile(hypotheses('- H1: Mr K is controlling at home.', '- H2: Mr K feels shut out by the school.'), ruleSettings(id, '{similarity: 0}'));
      assert.equal(lintRule(id, different).length, 1);
    });
  });

  describeSeverity(id, (fm) => caseFile(alike, fm));
});
