import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, single, span } from '../helpers';

const id = 'plan-before-hypotheses';
const planFirst = `## Next steps\n\n- Escalate to a child protection plan.\n\n${hypotheses('- H1: Dad may feel left out.')}`;

describe(id, () => {
  describe('fires', () => {
    it('when a plan section comes before the first hypothesis, at its heading', () => {
      const text = caseFile(planFirst);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'info');
      assertAt(m, span(text, '## Next steps'));
      assert.match(m.reason, /^The plan comes before any hypothesis is written\./);
    });

    it('with any plan heading synonym', () => {
      for (const heading of ['# Action Plan', '## PLAN:', '### Next steps / plan']) {
        const text = caseFile(`${heading}\n\n- visit\n\n${hypotheses('- H1: a')}`);
        assertAt(single(lintRule(id, text)), span(text, heading));
      }
    });

    it('when there is a plan and no hypotheses', () => {
      const text = caseFile('## Dilemma\n\nx\n\n## Plan\n\n- visit\n');
      assertAt(single(lintRule(id, text)), span(text, '## Plan'));
    });
  });

  describe('does not fire', () => {
    it('when the plan follows the hypotheses', () => {
      assert.deepEqual(lintRule(id, caseFile(`${hypotheses('- H1: a')}\n## Next steps\n\n- visit\n`)), []);
    });

    it('when the word plan appears in another heading or in text', () => {
      assert.deepEqual(lintRule(id, caseFile(`## Dilemma\n\nThe school wants a plan.\n\n## Planning meeting notes\n\nx\n\n${hypotheses('- H1: a')}`)), []);
    });

    it('without a plan', () => {
      assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: a'))), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(planFirst, fm));
});
