import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, single, span } from '../helpers';

const id = 'evidence-no-source';

describe(id, () => {
  describe('fires', () => {
    it('on an evidence item with no (source: …), at the item', () => {
      const text = caseFile(hypotheses('- H1: Dad may feel left out.', '  - For: He said so. (source: Dad, 2026-10-14)', '  - Against: He came to the review.'));
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'info');
      assertAt(m, span(text, '- Against: He came to the review.'));
      assert.match(m.reason, /^Where does this come from\? Adding \(source: who or which agency, date\)/);
    });

    it('on each item under a bare For:, at that item', () => {
      const text = caseFile(hypotheses('- H1: a', '  - For:', '    - first (source: school)', '    - second'));
      assertAt(single(lintRule(id, text)), span(text, '- second'));
    });

    it('when the source is not at the end, or is empty', () => {
      const text = caseFile(hypotheses('- H1: a', '  - For: (source: school) said before', '  - Against: x (source: )'));
      assert.equal(lintRule(id, text).length, 2);
    });
  });

  describe('does not fire', () => {
    it('on sourced items, in any case and spacing, with or without a date', () => {
      const text = caseFile(hypotheses('- H1: a', '  - For: x (source: GP)', '  - For: y ( Source : health visitor, 3 March 2026 ).', '  - Against: z (SOURCE: Mum, 2026-01)'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on a note that nothing was found', () => {
      const text = caseFile(hypotheses('- H1: a', '  - Against: none found yet, asked the school', '  - For: nothing so far'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on items that are not evidence', () => {
      const text = caseFile(hypotheses('- H1: a', '  - Test: ask', '  - Status: open', '  - About: Dad', '  - A note to self'));
      assert.deepEqual(lintRule(id, text), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(hypotheses('- H1: a', '  - For: x'), fm));
});
