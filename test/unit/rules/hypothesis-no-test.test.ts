import assert from 'node:assert/strict';
import { applyFix, assertAt, caseFile, describeSeverity, hypotheses, lintRule, single, span, withRule } from '../helpers';

const id = 'hypothesis-no-test';

describe(id, () => {
  describe('fires', () => {
    it('on a hypothesis with no Test: item, at its statement', () => {
      const text = caseFile(hypotheses('- H1: Amy may be caring for Mum.', '  - Test: ask Amy', '- H2: Dad may feel left out.', '  - For: he said so (source: Dad)'));
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, 'H2: Dad may feel left out.'));
      assert.match(m.reason, /^H2 has no Test: item\./);
      assert.match(m.reason, /from whom/);
    });

    it('names an unlabelled hypothesis by its position', () => {
      const text = caseFile(hypotheses('- Amy may be caring for Mum.', '  - Test: ask Amy', '- Dad may feel left out.'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'Dad may feel left out.'));
      assert.match(m.reason, /^H2 has no Test: item/);
    });

    it('a "Test" item without a colon is no test', () => {
      const noColon = caseFile(hypotheses('- H1: Dad may feel left out.', '  - Test ask him'));
      assertAt(single(lintRule(id, noColon)), span(noColon, 'H1: Dad may feel left out.'));
    });

    it('is quiet on an empty "Test:", a place kept for the test (the new-case template, the quick fix)', () => {
      const empty = caseFile(hypotheses('- H1: Dad may feel left out.', '  - Test:'));
      assert.equal(lintRule(id, empty).length, 0);
    });

    it('fix: adds a Test: item after the last nested item, at its indentation', () => {
      const text = caseFile(hypotheses('- H1: Dad may feel left out.', '  - For: he said so (source: Dad)', '- H2: Amy may be caring for Mum.', '  - Test: ask Amy'));
      const m = single(lintRule(id, text));
      assert.equal(m.fix?.title, 'Add a Test: item to H1');
      const fixed = applyFix(text, m.fix);
      assert.equal(fixed, text.replace('(source: Dad)\n', '(source: Dad)\n  - Test: \n'));
      // The writer then says how; with that, H1 has a test.
      const written = fixed.replace('  - Test: \n', '  - Test: ask Dad at an evening visit\n');
      assert.deepEqual(lintRule(id, written), []);
    });

    it('fix: under a hypothesis with no nested items, indents to its text', () => {
      const text = caseFile(hypotheses('- H1: Dad may feel left out.'));
      const fixed = applyFix(text, single(lintRule(id, text)).fix);
      assert.equal(fixed, text.replace('left out.', 'left out.\n  - Test: '));
      assert.deepEqual(lintRule(id, fixed.replace('- Test: ', '- Test: ask him')), []);
    });

    it('fix: in an ordered list, indents to the item text', () => {
      const text = caseFile('## Hypotheses\n\n1. H1: Dad may feel left out.\n   - For: he said so\n');
      const fixed = applyFix(text, single(lintRule(id, text)).fix);
      assert.equal(fixed, text.replace('he said so\n', 'he said so\n   - Test: \n'));
      assert.deepEqual(lintRule(id, fixed.replace('Test: ', 'Test: ask him')), []);
    });
  });

  describe('does not fire', () => {
    it('on hypotheses with a Test: item, in any case and with synonyms', () => {
      const text = caseFile(hypotheses('- H1: a', '  - Test: ask', '- H2: b', '  - how to test: ask', '- H3: c', '  - TESTING : ask', '- H4: d', '  - To test:', '    - ask the school'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on a list outside the Hypotheses section', () => {
      const text = caseFile('## Dilemma\n\n- Dad may feel left out.\n');
      assert.deepEqual(lintRule(id, text), []);
    });

    it('with a keyword added through config', () => {
      const text = caseFile(hypotheses('- H1: a', '  - Check: ask'));
      assert.equal(lintRule(id, text).length, 1);
      assert.deepEqual(lintRule(id, text, { path: 'x.case.md', config: { keywords: { test: ['check'] } } }), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(hypotheses('- H1: Dad may feel left out.'), fm));
  it('has no options: a stray one is ignored by analyse', () => {
    const text = caseFile(hypotheses('- H1: Dad may feel left out.'));
    assert.equal(lintRule(id, text, withRule(id, { severity: 'info', minimum: 9 }))[0]?.severity, 'info');
  });
});
