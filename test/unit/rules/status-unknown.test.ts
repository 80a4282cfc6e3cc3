import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, single, span } from '../helpers';

const id = 'status-unknown';

describe(id, () => {
  describe('fires', () => {
    it('on a Status: item with an unknown value, at the item', () => {
      const text = caseFile(hypotheses('- H1: Mr K is controlling.', '  - For: x', '  - Status: confirmed', '- H2: b', '  - Status: open'));
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, '- Status: confirmed'));
      assert.match(m.reason, /^Status “confirmed” is not one CaseMark knows: use open, supported, weakened or set aside\./);
    });

    it('on each hypothesis with one', () => {
      const text = caseFile(hypotheses('- H1: a', '  - Status: proven', '- H2: b', '  - Status: ruled out'));
      assert.deepEqual(lintRule(id, text).map((m) => m.reason.match(/“(.*)”/)?.[1]), ['proven', 'ruled out']);
    });
  });

  describe('does not fire', () => {
    it('on the four statuses, in any case, with hyphen, underscore or a full stop', () => {
      const text = caseFile(hypotheses('- H1: a', '  - Status: Open', '- H2: b', '  - Status: supported.', '- H3: c', '  - status : WEAKENED', '- H4: d', '  - Status: set-aside', '- H5: e', '  - Status: set_aside'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on an empty Status:', () => {
      assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: a', '  - Status:'))), []);
    });

    it('on a Status line outside the hypotheses', () => {
      assert.deepEqual(lintRule(id, caseFile('## Dilemma\n\n- Status: escalated\n')), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(hypotheses('- H1: a', '  - Status: confirmed'), fm));
});
