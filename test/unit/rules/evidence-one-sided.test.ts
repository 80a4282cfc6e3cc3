import assert from 'node:assert/strict';
import { analyse } from '../../../src/core/index';
import { favouredHypothesis } from '../../../src/core/model/queries';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, single, span } from '../helpers';

const id = 'evidence-one-sided';
const oneSided = hypotheses(
  '- H1: Mr K is controlling.',
  '  - For: He shouted at the gate. (source: school)',
  '  - For: He answered for Ms B. (source: worker)',
  '- H2: Ms B may be depressed.',
  '  - Test: ask her GP',
  '- H3: Money is short.',
);

describe(id, () => {
  describe('fires', () => {
    it('when only the favoured hypothesis has evidence, all of it for, at its statement', () => {
      const text = caseFile(oneSided);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'info');
      assertAt(m, span(text, 'H1: Mr K is controlling.'));
      assert.match(m.reason, /^All the evidence gathered so far supports H1/);
      assert.match(m.reason, /If you started from H2 instead/);
    });

    it('on the hypothesis marked supported even when it has no more evidence than another', () => {
      const text = caseFile(hypotheses('- H1: a', '- H2: b', '  - For: x', '  - Status: supported'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'H2: b'));
      assert.match(m.reason, /supports H2.*started from H1/);
    });
  });

  describe('does not fire', () => {
    it('when the favoured hypothesis has evidence against', () => {
      assert.deepEqual(lintRule(id, caseFile(oneSided.replace('(source: worker)', '(source: worker)\n  - Against: He stayed calm at the review.'))), []);
    });

    it('when another hypothesis has any evidence', () => {
      assert.deepEqual(lintRule(id, caseFile(oneSided.replace('  - Test: ask her GP', '  - Against: She works full time.'))), []);
    });

    it('when two hypotheses have as much evidence for them and neither is supported', () => {
      const text = caseFile(hypotheses('- H1: a', '  - For: x', '- H2: b', '  - For: y'));
      assert.deepEqual(lintRule(id, text), []);
    });
  });

  describe('which hypothesis the notes favour', () => {
    const favoured = (...items: string[]) => favouredHypothesis(analyse(caseFile(hypotheses(...items)), { path: 'a.case.md' }).model.hypotheses)?.label;

    it('is the one marked supported, whatever the evidence', () => {
      assert.equal(favoured('- H1: a', '  - For: x', '  - For: y', '- H2: b', '  - Status: supported'), 'H2');
    });

    it('is otherwise the one with strictly the most support, and none on a tie', () => {
      assert.equal(favoured('- H1: a', '  - For: x', '- H2: b', '  - For: y', '  - For: z'), 'H2');
      assert.equal(favoured('- H1: a', '  - For: x', '- H2: b', '  - For: y'), undefined);
      assert.equal(favoured('- H1: a', '  - For: none found yet', '- H2: b'), undefined);
    });

    it('with a single hypothesis', () => {
      assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: a', '  - For: x'))), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(oneSided, fm));
});
