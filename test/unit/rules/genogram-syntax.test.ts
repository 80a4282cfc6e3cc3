import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, lint, lintRule, pointAt, single, span } from '../helpers';

const id = 'genogram-syntax';
const block = (kind: 'genogram' | 'ecomap', ...lines: string[]): string => `\`\`\`${kind}\n${lines.join('\n')}\n\`\`\`\n`;
const lineHelp = /Expected a person \(person amy female 8\), a couple \(sara \+ dan married 2014\), children \(amy, leo children of sara \+ dan\), a relationship \(sara -- dan close\), a household \(household: sara, amy\) or a note \(note amy: speaks Polish\)\./;

describe(id, () => {
  describe('fires', () => {
    it('on a line it cannot read at all, over the whole line, saying what a line can be', () => {
      const text = caseFile(block('genogram', 'person mia female 7 index', 'Kerry married Ryan'));
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'error');
      assertAt(m, span(text, 'Kerry married Ryan'));
      assert.match(m.reason, /^CaseMark could not read this line\. /);
      assert.match(m.reason, lineHelp);
    });

    it('on one word it cannot read, at the word, naming the word and the kind of line', () => {
      const text = caseFile(block('genogram', 'person mia female seven index'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'seven'));
      assert.match(m.reason, /^CaseMark could not read “seven” in a person line\. Expected a gender \(female, male, other, unknown\), an age \(8\), born YEAR/);
    });

    it('on a word in a couple line and a tie line, with what those lines take', () => {
      const text = caseFile(`${block('genogram', 'person kerry female 29', 'person ryan male 34', 'kerry + ryan married in 2014')}\n${block('ecomap', 'family: kerry, ryan', 'family -> school wobbly')}`);
      const [couple, tie] = lintRule(id, text);
      const inAt = text.indexOf('in 2014');
      assertAt(couple, { start: pointAt(text, inAt), end: pointAt(text, inAt + 2) });
      assert.match(couple?.reason ?? '', /^CaseMark could not read “in” in a couple line\. Expected married, cohabiting, engaged or partners; separated, divorced or widowed; and years/);
      assertAt(tie, span(text, 'wobbly'));
      assert.equal(tie?.reason, 'CaseMark could not read “wobbly” in a tie line. Expected strong, normal, tenuous and/or stressful.');
    });

    it('on a line that is missing a part, over the line, saying what is missing', () => {
      const text = caseFile(block('genogram', 'person', 'mia children of', 'household:', 'note mia'));
      const messages = lintRule(id, text);
      assert.deepEqual(
        messages.map((m) => m.place && 'start' in m.place ? m.place.start.line : 0),
        [6, 7, 8, 9],
      );
      assert.match(messages[0]?.reason ?? '', /^A person line needs an id after “person”, such as person amy female 8/);
      assert.match(messages[1]?.reason ?? '', /^Name one or two parents after “of”\./);
      assert.match(messages[2]?.reason ?? '', /^List who lives together: household: sara, ryan, amy\./);
      assert.equal(messages[3]?.reason, 'Write the note after the name: note mia: …');
      assertAt(messages[1], span(text, 'mia children of'));
    });

    it('on an ecomap line, with the ecomap’s forms', () => {
      const text = caseFile(block('ecomap', 'family: kerry, mia', 'school'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'school'));
      assert.match(m.reason, /^CaseMark could not read this line\. Expected the family in the centre \(family: sara, amy\), a tie \(family -> school strong\)/);
    });

    it('on a second family centre in one ecomap', () => {
      const text = caseFile(block('ecomap', 'family: kerry, mia', 'family: ryan'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'family: ryan'));
      assert.match(m.reason, /^The family in the centre is already given earlier \(family: kerry, mia\); an ecomap has one centre\./);
    });

    it('on twins who have no parents yet, at the twin', () => {
      const text = caseFile(block('genogram', 'person tom male 5', 'person tim male 5', 'tom child of kerry', 'twins tom tim'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'tim', 1));
      assert.match(m.reason, /^tim has no parents yet, so CaseMark cannot draw them as a twin\. Write twins tom tim of mother \+ father\./);
    });

    it('at the right column in a block inside a list item, and in every block', () => {
      const text = caseFile(`- Family tree:\n\n  ${block('genogram', 'person mia female 7 index', 'mia ~~ kerry').replace(/\n(?=.)/g, '\n  ')}\n${block('genogram', 'person x female eight')}`);
      const [inList, second] = lintRule(id, text);
      assertAt(inList, span(text, 'mia ~~ kerry'));
      assert.equal(inList?.place && 'start' in inList.place ? inList.place.start.column : 0, 3);
      assertAt(second, span(text, 'eight'));
    });

    it('leaves the rest of the block read: later lines still count', () => {
      const text = caseFile(block('genogram', 'kerry loves ryan', 'person mia female 7 index', 'person kerry female 29', 'mia child of kerry'));
      assert.deepEqual(lint(text).filter((m) => m.ruleId.startsWith('genogram-')).map((m) => m.ruleId), [id]);
    });
  });

  describe('does not fire', () => {
    it('on the whole grammar, in any order, with comments and blank lines', () => {
      const text = caseFile(
        block(
          'genogram',
          'person sara "Sara Jones" female 31 note: Polish, Catholic',
          'person dan male 35',
          '',
          'person amy female 8 index  # the child the case is about',
          'person leo male 3',
          'person tom male 1',
          'person tim male 1',
          'person ryan age=40 sex=M',
          'person bump pregnancy',
          'sara + dan married 2014 divorced 2022',
          'amy, leo children of sara + dan',
          'twins tom tim of sara + dan identical',
          'amy step-child of ryan',
          'sara -- dan conflictual',
          'ryan -> amy close',
          'household "Home": sara, amy, leo',
          'note leo: speaks Polish at home',
        ) + '\n' + block('ecomap', 'family: sara, amy', 'system school "Oakfield Primary"', 'family <-> school strong', 'amy -> gp tenuous stressful', 'note school: new head this year'),
      );
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on other code blocks, or genogram-like text outside a block', () => {
      const text = caseFile(`\`\`\`text\nKerry married Ryan\n\`\`\`\n\nKerry married Ryan.\n\n    person mia female seven\n`);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on an empty block', () => {
      assert.deepEqual(lintRule(id, caseFile(block('genogram', ''))), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(block('genogram', 'person mia female 7 index', 'Kerry married Ryan'), fm));
});
