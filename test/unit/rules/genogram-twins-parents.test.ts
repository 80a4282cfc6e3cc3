import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, lintRule, single, span } from '../helpers';

const id = 'genogram-twins-parents';
const block = (...lines: string[]): string => `\`\`\`genogram\n${lines.join('\n')}\n\`\`\`\n`;
const family = ['person mia female 7 index', 'person kerry female 29', 'person ryan male 34', 'person dan male 33', 'person tom male 5', 'person tim male 5'];

describe(id, () => {
  describe('fires', () => {
    it('on twins linked to different parents, at the last of their children lines, naming each twin’s parents', () => {
      const text = caseFile(block(...family, 'tom child of kerry + ryan', 'tim child of kerry + dan', 'twins tom tim'));
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'error');
      assertAt(m, span(text, 'tim child of kerry + dan'));
      assert.equal(
        m.reason,
        'These twins have different parents (Tom of Kerry + Ryan; Tim of Kerry + Dan). Twins share their birth parents: is one children line missing a parent, or are they not twins?',
      );
    });

    it('when one twin has a parent the other lacks', () => {
      const text = caseFile(block(...family, 'tom child of kerry + ryan', 'tim child of kerry', 'twins tom tim identical'));
      assert.match(single(lintRule(id, text)).reason, /\(Tom of Kerry \+ Ryan; Tim of Kerry\)/);
    });
  });

  describe('does not fire', () => {
    it('on twins on one children line', () => {
      const text = caseFile(block(...family, 'twins tom tim of kerry + ryan identical'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on twins whose parents are written in a different order, or over two lines', () => {
      const text = caseFile(block(...family, 'tom child of kerry + ryan', 'tim child of ryan', 'tim child of kerry', 'twins tom tim'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('when one twin also has a step-parent', () => {
      const text = caseFile(block(...family, 'twins tom tim of kerry + ryan', 'tom step-child of dan'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on children with different parents who are not twins', () => {
      const text = caseFile(block(...family, 'tom child of kerry + ryan', 'tim child of kerry + dan'));
      assert.deepEqual(lintRule(id, text), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(block(...family, 'tom child of kerry + ryan', 'tim child of kerry + dan', 'twins tom tim'), fm));
});
