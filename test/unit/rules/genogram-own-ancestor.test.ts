import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, lintRule, single, span } from '../helpers';

const id = 'genogram-own-ancestor';
const block = (...lines: string[]): string => `\`\`\`genogram\n${lines.join('\n')}\n\`\`\`\n`;
const family = ['person mia female 7 index', 'person kerry female 29', 'person jean female 58'];

describe(id, () => {
  describe('fires', () => {
    it('on a loop of children lines, at the line that closes it, spelling out the chain', () => {
      const text = caseFile(block(...family, 'mia child of kerry', 'kerry child of jean', 'jean child of mia'));
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'error');
      assertAt(m, span(text, 'jean child of mia'));
      assert.match(m.reason, /^These lines make Mia their own ancestor: Mia is a child of Kerry, who is a child of Jean, who is a child of Mia\. /);
      assert.match(m.reason, /Is one children line the wrong way round\? The child comes first: jean child of mia\.$/);
    });

    it('on a parent and child swapped on one line', () => {
      const text = caseFile(block(...family, 'mia child of kerry', 'kerry child of mia'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'kerry child of mia'));
      assert.match(m.reason, /: Mia is a child of Kerry, who is a child of Mia\./);
    });

    it('on someone written as their own parent, by display name', () => {
      const text = caseFile(block('person gran "Jean" female 58', 'gran child of gran'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'gran child of gran'));
      assert.match(m.reason, /^These lines make Jean their own ancestor: Jean is a child of Jean\./);
    });

    it('through any kind of children line: step, adopted and fostered links too', () => {
      const text = caseFile(block(...family, 'mia step-child of kerry', 'kerry fostered child of mia'));
      assert.equal(lintRule(id, text).length, 1);
    });

    it('once for each separate loop, in each block', () => {
      const text = caseFile(`${block(...family, 'mia child of kerry', 'kerry child of mia')}\n${block('person a', 'person b', 'a child of b', 'b child of a')}`);
      assert.equal(lintRule(id, text).length, 2);
    });
  });

  describe('does not fire', () => {
    it('on three generations', () => {
      const text = caseFile(block(...family, 'mia child of kerry', 'kerry child of jean'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on two lines that meet again lower down (cousins who have a child together)', () => {
      const text = caseFile(
        block('person g', 'person a', 'person b', 'person c', 'a, b children of g', 'c child of a + b', 'person d', 'd child of c + a'),
      );
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on a line of many generations', () => {
      const lines = Array.from({ length: 3000 }, (_, n) => `p${n} child of p${n + 1}`);
      const people = Array.from({ length: 3001 }, (_, n) => `person p${n}`);
      assert.deepEqual(lintRule(id, caseFile(block(...people, ...lines))), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(block(...family, 'mia child of kerry', 'kerry child of mia'), fm));
});
