import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, lintRule, single, span } from '../helpers';

const id = 'genogram-too-many-parents';
const block = (...lines: string[]): string => `\`\`\`genogram\n${lines.join('\n')}\n\`\`\`\n`;
const family = ['person mia female 7 index', 'person kerry female 29', 'person dan male 33', 'person ryan male 34', 'person jean female 58'];

describe(id, () => {
  describe('fires', () => {
    it('on the line that gives a third birth parent, naming them all', () => {
      const text = caseFile(block(...family, 'mia child of kerry + dan', 'mia child of ryan'));
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'error');
      assertAt(m, span(text, 'mia child of ryan'));
      assert.equal(
        m.reason,
        'Mia now has 3 birth parents (Kerry, Dan, Ryan). If someone here is a step-parent, an adoptive parent or a foster carer, say so on the line: mia step-child of …, adopted, or fostered.',
      );
    });

    it('on three parents on one line', () => {
      const text = caseFile(block(...family, 'mia child of kerry + dan + ryan'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'mia child of kerry + dan + ryan'));
      assert.match(m.reason, /^Mia now has 3 birth parents \(Kerry, Dan, Ryan\)\./);
    });

    it('again on each line that adds one more', () => {
      const text = caseFile(block(...family, 'mia child of kerry + dan', 'mia child of ryan', 'mia child of jean'));
      assert.deepEqual(
        lintRule(id, text).map((m) => m.reason.match(/^Mia now has (\d)/)?.[1]),
        ['3', '4'],
      );
    });

    it('for each child on a children line', () => {
      const text = caseFile(block(...family, 'person alfie male 1', 'mia, alfie children of kerry + dan', 'mia, alfie children of ryan'));
      assert.equal(lintRule(id, text).length, 2);
    });
  });

  describe('does not fire', () => {
    for (const kind of ['mia step-child of ryan', 'mia adopted child of ryan + jean', 'mia fostered child of jean', 'mia child of ryan step']) {
      it(`on “${kind}” beside two birth parents`, () => {
        const text = caseFile(block(...family, 'mia child of kerry + dan', kind));
        assert.deepEqual(lintRule(id, text), []);
      });
    }

    it('on the same two parents written twice, in either order', () => {
      const text = caseFile(block(...family, 'mia child of kerry + dan', 'mia child of dan', 'mia child of dan + kerry'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on two birth parents given on separate lines', () => {
      const text = caseFile(block(...family, 'mia child of kerry', 'mia child of dan'));
      assert.deepEqual(lintRule(id, text), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(block(...family, 'mia child of kerry + dan', 'mia child of ryan'), fm));
});
