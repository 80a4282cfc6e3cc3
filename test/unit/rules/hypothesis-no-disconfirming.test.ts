import assert from 'node:assert/strict';
import { applyFix, assertAt, caseFile, describeSeverity, hypotheses, lintRule, single, span } from '../helpers';

const id = 'hypothesis-no-disconfirming';

describe(id, () => {
  describe('fires', () => {
    it('on a hypothesis with evidence for and nothing against, at its statement', () => {
      const text = caseFile(
        hypotheses(
          '- H1: Amy may be caring for Mum.',
          '  - For: Amy said she helps with Leo. (source: Amy)',
          '  - Against: Gran says Amy is keen on Fridays. (source: Gran)',
          '- H2: Dad may feel left out.',
          '  - For: He said so. (source: Dad)',
          '  - Test: ask him',
        ),
      );
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'info');
      assertAt(m, span(text, 'H2: Dad may feel left out.'));
      assert.match(m.reason, /^H2 has evidence for it and nothing recorded against it\./);
      assert.match(m.reason, /where did you look\?/);
    });

    it('fix: adds an Against: item after the hypothesis’s last item, at the same indentation', () => {
      const text = caseFile(hypotheses('- H1: Dad may feel left out.', '    * For: He said so. (source: Dad)', '    * Test: ask him', '- H2: Amy may be caring for Mum.'));
      const m = single(lintRule(id, text));
      assert.match(m.fix?.title ?? '', /Against: item to H1/);
      const fixed = applyFix(text, m.fix);
      assert.equal(fixed, text.replace('ask him\n', 'ask him\n    - Against: \n'));
      const written = fixed.replace('- Against: ', '- Against: none found yet; asked the school');
      assert.deepEqual(lintRule(id, written), []);
    });

    it('evidence listed under a bare For: counts as evidence for', () => {
      const text = caseFile(hypotheses('- H1: Dad may feel left out.', '  - For:', '    - He said so. (source: Dad)'));
      assertAt(single(lintRule(id, text)), span(text, 'H1: Dad may feel left out.'));
    });
  });

  describe('does not fire', () => {
    it('when something is recorded against, even a note that nothing was found', () => {
      const text = caseFile(
        hypotheses(
          '- H1: a',
          '  - For: x (source: Dad)',
          '  - Against: y (source: Mum)',
          '- H2: b',
          '  - For: x (source: Dad)',
          '  - Against: none found yet, asked the school',
          '- H3: c',
          '  - Evidence for: x',
          '  - Disconfirming: z',
        ),
      );
      assert.deepEqual(lintRule(id, text), []);
    });

    it('when there is no evidence for the hypothesis yet', () => {
      const text = caseFile(hypotheses('- H1: Dad may feel left out.', '  - Test: ask him'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('when For: has nothing after it', () => {
      const text = caseFile(hypotheses('- H1: Dad may feel left out.', '  - For:'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('with an Against keyword added in frontmatter', () => {
      const text = caseFile(hypotheses('- H1: a', '  - For: x', '  - Contra: y'), 'casemark:\n  keywords:\n    against: [contra]');
      assert.deepEqual(lintRule(id, text), []);
      assert.equal(lintRule(id, text.replace('keywords:\n    against: [contra]', 'keywords: {}')).length, 1);
    });
  });

  describeSeverity(id, (fm) => caseFile(hypotheses('- H1: Dad may feel left out.', '  - For: he said so'), fm));
});
