import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, lint, lintRule, single, span } from '../helpers';

const id = 'genogram-duplicate-id';
const block = (kind: 'genogram' | 'ecomap', ...lines: string[]): string => `\`\`\`${kind}\n${lines.join('\n')}\n\`\`\`\n`;

describe(id, () => {
  describe('fires', () => {
    it('on a second person with the same id, at the second id, naming the first line', () => {
      const text = caseFile(block('genogram', 'person kerry female 29', 'person mia female 7 index', 'person kerry female 58'));
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'error');
      assertAt(m, span(text, 'kerry', 1));
      assert.equal(
        m.reason,
        '“kerry” is already declared earlier in this block (person kerry female 29). Give each person their own id, such as kerry2, and a "display name" if they share a name.',
      );
    });

    it('whatever the capitals', () => {
      const text = caseFile(block('genogram', 'person Mia female 7 index', 'person kerry female 29', 'person MIA female 7'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'MIA'));
      assert.match(m.reason, /^“MIA” is already declared earlier in this block \(person Mia female 7 index\)\./);
    });

    it('once for each extra declaration', () => {
      const text = caseFile(block('genogram', 'person mia female 7 index', 'person mia female 7', 'person mia female 8'));
      assert.deepEqual(
        lintRule(id, text).map((m) => (m.place && 'start' in m.place ? m.place.start.line : 0)),
        [7, 8],
      );
    });

    it('on an ecomap system declared twice', () => {
      const text = caseFile(block('ecomap', 'family: kerry, mia', 'system school "Oakfield Primary"', 'system school "St Mary’s"'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'school', 1));
      assert.equal(m.reason, '“school” is already used in this ecomap. Give each system its own id.');
    });

    it('leaves the second declaration out: lines refer to the first', () => {
      const text = caseFile(block('genogram', 'person kerry female 29', 'person mia female 7 index', 'person mia female 40', 'mia child of kerry'));
      // Had the 40-year-old Mia been kept, she would be older than her mother.
      assert.deepEqual(lint(text).filter((m) => m.ruleId.startsWith('genogram-')).map((m) => m.ruleId), [id]);
    });
  });

  describe('does not fire', () => {
    it('on two people who share a display name but have their own ids', () => {
      const text = caseFile(block('genogram', 'person dan "Dan" male 33', 'person dan2 "Dan" male 60', 'person mia female 7 index'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on the same id in two genogram blocks: each block has its own ids', () => {
      const text = caseFile(`${block('genogram', 'person mia female 7 index')}\n${block('genogram', 'person mia female 7 index')}`);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on an ecomap that names the genogram’s people', () => {
      const text = caseFile(`${block('genogram', 'person mia female 7 index', 'person kerry female 29')}\n${block('ecomap', 'family: kerry, mia', 'mia -> school strong')}`);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on a person referred to again on other lines', () => {
      const text = caseFile(block('genogram', 'person mia female 7 index', 'person kerry female 29', 'mia child of kerry', 'household: kerry, mia', 'note mia: likes drawing'));
      assert.deepEqual(lintRule(id, text), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(block('genogram', 'person mia female 7 index', 'person mia female 7'), fm));
});
