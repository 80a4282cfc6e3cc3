// Issue 13, item 10: every table a user's word is looked up in has no prototype, so "constructor" or "__proto__"
// on a genogram line (or anywhere else) finds nothing rather than Object's own functions.
import assert from 'node:assert/strict';
import { analyse } from '../../../src/core/index';
import { parseDiagram } from '../../../src/core/genogram/index';
import { wordTables } from '../../../src/core/text/words';
import '../../../src/core/rules/index';

const prototypeNames = [...Object.getOwnPropertyNames(Object.prototype), '__proto__'];

describe('word tables (issue 13, item 10)', () => {
  it('exist: the genogram grammar, role words and inline comments each register theirs', () => {
    const names = [...wordTables().keys()];
    for (const expected of ['genders', 'pregnancies', 'unionTypes', 'unionEnds', 'childKinds', 'identicalWords', 'abuseKinds', 'tieStrengths', 'roleWords', 'inlineVerbs']) {
      assert.ok(names.includes(expected), `${expected} is a word table (have ${names.join(', ')})`);
    }
  });

  it('find nothing for any name Object.prototype has', () => {
    for (const [table, words] of wordTables()) {
      for (const name of prototypeNames) {
        assert.equal(words[name], undefined, `${table}[${name}]`);
        assert.equal(name in words, false, `${name} in ${table}`);
      }
    }
  });

  it('a genogram line with a prototype name as its kind is reported, never drawn', () => {
    for (const name of prototypeNames) {
      const g = parseDiagram('genogram', `person amy female\nperson bob male\namy -- bob ${name}`);
      assert.equal(g.relationships.length, 0, `amy -- bob ${name} draws no line`);
      assert.ok(g.problems.some((p) => p.ruleId === 'genogram-syntax'), `amy -- bob ${name} is reported`);
      const p = parseDiagram('genogram', `person amy ${name}`);
      assert.ok(p.people.every((person) => typeof person.gender !== 'function' && typeof person.pregnancy !== 'function'), `person amy ${name}`);
    }
  });

  it('a person named after a prototype name gets an ordinary pseudonym, not a function', async () => {
    const { shareableCopy } = await import('../../../src/core/anonymise/share');
    const text = '---\ncasemark: 1\npeople:\n  - {name: constructor, role: mother}\n---\n\n## Dilemma\n\nconstructor said hello.\n';
    const copy = shareableCopy(text, { today: '2024-01-01' }).text;
    assert.doesNotMatch(copy, /native code|function/);
  });

  it('an analysis of a file full of prototype names never fails', () => {
    const words = prototypeNames.join(' ');
    const text = `---\ncasemark: 1\n---\n\n## Hypotheses\n\n- ${words}\n  - Evidence for: ${words}\n\n\`\`\`genogram\nperson ${prototypeNames.join(' ')}\n${prototypeNames.map((n) => `amy -- bob ${n}`).join('\n')}\n\`\`\`\n<!-- casemark-${'constructor'} -->\n`;
    const result = analyse(text, { path: 'a.case.md' });
    assert.ok(!result.messages.some((m) => m.ruleId === 'internal-error'), result.messages.map((m) => m.reason).join('\n'));
  });
});
