import assert from 'node:assert/strict';
import { applyFix, assertAt, caseFile, describeSeverity, lintRule, single, span } from '../helpers';

const id = 'genogram-unknown-person';
const block = (kind: 'genogram' | 'ecomap', ...lines: string[]): string => `\`\`\`${kind}\n${lines.join('\n')}\n\`\`\`\n`;
const family = ['person mia female 7 index', 'person kerry female 29', 'person ryan male 34'];

describe(id, () => {
  describe('fires', () => {
    it('on a misspelt id, at the id, suggesting the closest one', () => {
      const text = caseFile(block('genogram', ...family, 'mia child of kerry', 'kerry + rayn cohabiting 2023'));
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'error');
      assertAt(m, span(text, 'rayn'));
      assert.equal(m.reason, 'No one called “rayn” is declared in this genogram. Did you mean “ryan”? Add a person line for them (person rayn followed by what you know), or correct the id.');
    });

    it('suggests by display name too, and gives the id', () => {
      const text = caseFile(block('genogram', 'person mia female 7 index', 'person gran "Jean" female 58', 'household: mia, jaen'));
      assert.match(single(lintRule(id, text)).reason, /Did you mean “gran”\?/);
    });

    it('without a suggestion when no id is close', () => {
      const text = caseFile(block('genogram', ...family, 'household: kerry, mia, lodger'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'lodger'));
      assert.equal(m.reason, 'No one called “lodger” is declared in this genogram. Add a person line for them (person lodger followed by what you know), or correct the id.');
    });

    it('in children, couple, relationship, household and twins lines', () => {
      const text = caseFile(block('genogram', ...family, 'mia child of dan', 'kerry + lee married', 'jean -- kerry close', 'household: kerry, zed', 'twins tom tim'));
      assert.deepEqual(
        lintRule(id, text).map((m) => m.reason.match(/“(\w+)”/)?.[1]),
        ['dan', 'lee', 'jean', 'zed', 'tom', 'tim'],
      );
    });

    it('on a note about no one, in a genogram or an ecomap', () => {
      const text = caseFile(`${block('genogram', ...family, 'note jean: lives nearby')}\n${block('ecomap', 'family: kerry, mia', 'note gp: Dr Shah')}`);
      const [genogramNote, ecomapNote] = lintRule(id, text);
      assertAt(genogramNote, span(text, 'jean'));
      assert.equal(genogramNote?.reason, 'No one called “jean” is declared in this genogram, so the note has no one to belong to.');
      assertAt(ecomapNote, span(text, 'gp'));
      assert.equal(ecomapNote?.reason, 'No one called “gp” is declared in this ecomap, so the note has no one to belong to.');
    });

    it('quotes a name with a space in its example line', () => {
      const text = caseFile(block('genogram', ...family, 'mia child of "Dan Smith"'));
      assert.match(single(lintRule(id, text)).reason, /Add a person line for them \(person "Dan Smith" followed by what you know\), or correct the id\./);
    });
  });

  describe('quick fix', () => {
    it('changes the id to the suggested one', () => {
      const text = caseFile(block('genogram', ...family, 'mia child of kerry', 'kerry + rayn cohabiting 2023'));
      const m = single(lintRule(id, text));
      assert.equal(m.fix?.title, 'Change to ryan');
      assert.equal(applyFix(text, m.fix), text.replace('+ rayn', '+ ryan'));
    });

    it('offers none without a suggestion', () => {
      const text = caseFile(block('genogram', ...family, 'household: kerry, lodger'));
      assert.equal(single(lintRule(id, text)).fix, undefined);
    });
  });

  describe('does not fire', () => {
    it('on references before the declaration: lines may come in any order', () => {
      const text = caseFile(block('genogram', 'mia child of kerry + ryan', 'household: kerry, ryan, mia', ...family));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on ids in other capitals, or a quoted display name', () => {
      const text = caseFile(block('genogram', 'person mia female 7 index', 'person kerry "Kerry Jones" female 29', 'Mia child of "Kerry Jones"', 'household: KERRY, mia'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on an ecomap naming the genogram’s people, wherever the ecomap stands, or naming systems', () => {
      const text = caseFile(`${block('ecomap', 'family: kerry, mia', 'family -> school strong', 'ryan -> work stressful')}\n${block('genogram', ...family)}`);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on an ecomap on its own, whose family line declares its people', () => {
      const text = caseFile(block('ecomap', 'family: kerry, mia', 'mia -> school strong', 'note mia: loves art'));
      assert.deepEqual(lintRule(id, text), []);
    });
  });

  describe('known gaps (see the report to the lead)', () => {
    it('reports an unknown parent once on a line with two children', () => {
      const text = caseFile(block('genogram', ...family, 'person alfie male 1', 'mia, alfie children of kerry + rayn'));
      assertAt(single(lintRule(id, text)), span(text, 'rayn'));
    });
  });

  describeSeverity(id, (fm) => caseFile(block('genogram', ...family, 'household: kerry, lodger'), fm));
});
