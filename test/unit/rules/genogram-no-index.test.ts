import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, lintRule, single, span } from '../helpers';

const id = 'genogram-no-index';
const block = (kind: 'genogram' | 'ecomap', ...lines: string[]): string => `\`\`\`${kind}\n${lines.join('\n')}\n\`\`\`\n`;

describe(id, () => {
  describe('fires', () => {
    it('when no one is marked index, at the genogram’s opening fence', () => {
      const text = caseFile(`## Genogram\n\n${block('genogram', 'person mia female 7', 'person kerry female 29', 'mia child of kerry')}`);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, '```genogram'));
      assert.equal(m.reason, 'Which child is this case about? Add index to their line, for example: person amy female 8 index. They are drawn with a double outline.');
    });

    it('once, at the first genogram, when there are several (an ecomap before them does not count)', () => {
      const text = caseFile(`${block('ecomap', 'family: kerry, mia')}\n${block('genogram', 'person mia female 7')}\n${block('genogram', 'person jean female 58')}`);
      assertAt(single(lintRule(id, text)), span(text, '```genogram'));
    });

    it('at the fence’s own column in a list item, and on a tilde fence', () => {
      const text = caseFile(`- Family tree:\n\n  ~~~genogram\n  person mia female 7\n  ~~~\n`);
      assertAt(single(lintRule(id, text)), span(text, '~~~genogram'));
    });

  });

  describe('does not fire', () => {
    it('on a genogram block with nobody in it yet (the new-case template’s)', () => {
      assert.equal(lintRule(id, caseFile(block('genogram', ''))).length, 0);
      assert.equal(lintRule(id, caseFile(block('genogram', '# person amy female 8 index'))).length, 0);
    });

    for (const word of ['index', 'INDEX', 'ip', 'focus', 'index-person']) {
      it(`when someone is marked “${word}”`, () => {
        assert.deepEqual(lintRule(id, caseFile(block('genogram', 'person kerry female 29', `person mia female 7 ${word}`))), []);
      });
    }

    it('when the index person is in a later genogram block', () => {
      const text = caseFile(`${block('genogram', 'person jean female 58')}\n${block('genogram', 'person mia female 7 index')}`);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('with only an ecomap, or no blocks at all', () => {
      assert.deepEqual(lintRule(id, caseFile(block('ecomap', 'family: kerry, mia', 'family -> school strong'))), []);
      assert.deepEqual(lintRule(id, caseFile('## Hypotheses\n\n- H1: Mia may miss her dad.\n')), []);
    });

    it('with the genogram-like text in another code block', () => {
      assert.deepEqual(lintRule(id, caseFile('```text\nperson mia female 7\n```\n')), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(block('genogram', 'person mia female 7'), fm));

  it('a casemark-disable-next-line comment above the fence silences it', () => {
    const text = caseFile(`<!-- casemark-disable-next-line ${id} -->\n${block('genogram', 'person mia female 7')}`);
    assert.deepEqual(lintRule(id, text), []);
  });
});
