import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, lintRule, single, span } from '../helpers';

const id = 'genogram-child-older-than-parent';
const block = (...lines: string[]): string => `\`\`\`genogram\n${lines.join('\n')}\n\`\`\`\n`;
const dated = 'date: 2026-11-09';

describe(id, () => {
  describe('fires', () => {
    it('on a child older than a parent by age, at the children line, with both ages', () => {
      const text = caseFile(block('person mia female 7 index', 'person kerry female 29', 'person jean female 58', 'mia child of kerry', 'jean child of kerry'), dated);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, 'jean child of kerry'));
      assert.equal(
        m.reason,
        'Jean (58) is recorded as older than their parent Kerry (29). Is an age or a birth year the wrong way round, or a parent and child swapped?',
      );
    });

    it('on a child the same age as a parent', () => {
      const text = caseFile(block('person mia female 29 index', 'person kerry female 29', 'mia child of kerry'), dated);
      assert.match(single(lintRule(id, text)).reason, /^Mia \(29\) is recorded as the same age as their parent Kerry \(29\)\./);
    });

    it('by birth years, giving ages in the year of the frontmatter date', () => {
      const text = caseFile(block('person mia female born 1990 index', 'person kerry female born 1997', 'mia child of kerry'), dated);
      assert.match(single(lintRule(id, text)).reason, /^Mia \(36\) is recorded as older than their parent Kerry \(29\)\./);
    });

    it('mixing an age and a birth year, in the case’s year', () => {
      // Kerry was born in 2000. In 2020 Mia, 25, was born in 1995: older than Kerry. In 2026, 25 means born 2001.
      const lines = block('person mia female 25 index', 'person kerry female born 2000', 'mia child of kerry');
      assert.equal(lintRule(id, caseFile(lines, 'date: 2020-03-01')).length, 1);
      assert.deepEqual(lintRule(id, caseFile(lines, dated)), []);
    });

    it('with no date, in this year', () => {
      const born = new Date().getFullYear() - 5;
      const text = caseFile(block('person mia female 10 index', `person kerry female born ${born}`, 'mia child of kerry'));
      assert.match(single(lintRule(id, text)).reason, /^Mia \(10\) is recorded as older than their parent Kerry \(5\)\./);
    });

    it('once for each parent the child is older than, and for adoptive parents too', () => {
      const text = caseFile(block('person mia female 40 index', 'person kerry female 29', 'person dan male 33', 'mia adopted child of kerry + dan'), dated);
      assert.deepEqual(
        lintRule(id, text).map((m) => m.reason.match(/their parent (\w+)/)?.[1]),
        ['Kerry', 'Dan'],
      );
    });
  });

  describe('does not fire', () => {
    for (const line of ['mia step-child of kerry', 'mia fostered child of kerry', 'mia, leo foster children of kerry']) {
      it(`on “${line}”: step-parents and foster carers can be any age`, () => {
        const text = caseFile(block('person mia female 40 index', 'person leo male 3', 'person kerry female 29', line), dated);
        assert.deepEqual(lintRule(id, text), []);
      });
    }

    it('when either age is not known, or only an age at death is', () => {
      const text = caseFile(
        block('person mia female 7 index', 'person kerry female', 'person dan male 5 died', 'mia child of kerry + dan', 'person leo male', 'leo child of kerry'),
        dated,
      );
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on a child younger than both parents', () => {
      const text = caseFile(block('person mia female 7 index', 'person kerry female 29', 'person dan male born 1993', 'mia child of kerry + dan'), dated);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on a parent not declared (genogram-unknown-person asks about that)', () => {
      const text = caseFile(block('person mia female 7 index', 'mia child of kerry'), dated);
      assert.deepEqual(lintRule(id, text), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(block('person mia female 7 index', 'person kerry female 29', 'person jean female 58', 'jean child of kerry'), fm));
});
