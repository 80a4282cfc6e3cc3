import assert from 'node:assert/strict';
import { applyFix, assertAt, caseFile, coveredText, describeSeverity, hypotheses, lintRule, ruleSettings, single, span, withRule } from '../helpers';

const id = 'hypothesis-certainty';

function certainty(...items: string[]): { text: string; messages: ReturnType<typeof lintRule> } {
  const text = caseFile(hypotheses(...items));
  return { text, messages: lintRule(id, text) };
}

describe(id, () => {
  describe('fires', () => {
    it('on a certainty word in a hypothesis statement, at the word, with a tentative fix', () => {
      const { text, messages } = certainty('- H1: Mr K is clearly controlling.', '  - Test: ask the school');
      const m = single(messages);
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, 'clearly'));
      assert.match(m.reason, /“clearly” states this with certainty/);
      assert.match(m.reason, /“perhaps”/);
      assert.deepEqual(m.fix && { start: m.fix.start, end: m.fix.end, text: m.fix.text }, {
        start: text.indexOf('clearly'),
        end: text.indexOf('clearly') + 'clearly'.length,
        text: 'perhaps',
      });
      assert.deepEqual(m.expected, ['perhaps', 'it seems']);
    });

    it('fix: replacing the word leaves a text without that message', () => {
      const { text, messages } = certainty('- H1: Mr K is clearly controlling.', '  - Test: ask the school');
      const fixed = applyFix(text, single(messages).fix);
      assert.equal(fixed, text.replace('clearly', 'perhaps'));
      assert.deepEqual(lintRule(id, fixed), []);
    });

    it('keeps a capital letter in the fix', () => {
      const { text, messages } = certainty('- H1: Clearly, Mr K is controlling.');
      const m = single(messages);
      assertAt(m, span(text, 'Clearly'));
      assert.equal(m.fix?.text, 'Perhaps');
      assert.equal(applyFix(text, m.fix), text.replace('Clearly', 'Perhaps'));
    });

    it('reports “will never change” once, as a phrase, not also “never”', () => {
      const { text, messages } = certainty('- H1: I think he will never change.');
      const m = single(messages);
      assertAt(m, span(text, 'will never change'));
      assert.match(m.reason, /“will never change”/);
      assert.deepEqual(m.expected, ['may find change hard', 'has not yet changed']);
      const fixed = applyFix(text, m.fix);
      assert.equal(fixed, text.replace('will never change', 'may find change hard'));
      assert.deepEqual(lintRule(id, fixed), []);
    });

    it('matches a phrase across a line break and in any case', () => {
      const { text, messages } = certainty('- H1: He WILL NEVER\n  CHANGE, I fear.');
      const m = single(messages);
      assert.equal(coveredText(text, m), 'WILL NEVER\n  CHANGE');
      assert.equal(m.fix?.text, 'MAY FIND CHANGE HARD');
    });

    it('"I think he will never change" is the writer’s own certainty', () => {
      const { text, messages } = certainty('- H1: I think he will never change.');
      assertAt(single(messages), span(text, 'will never change'));
    });

    it('"I said…" and "we feel…" stay the writer’s own', () => {
      assert.equal(certainty('- H1: I said he is always late.').messages.length, 1);
      assert.equal(certainty('- H1: We feel he is definitely struggling.').messages.length, 1);
    });

    it('in evidence items too, at the word', () => {
      const { text, messages } = certainty('- H1: Mr K may be tired.', '  - For: He always shouts at pick-up. (source: school)');
      const m = single(messages);
      assertAt(m, span(text, 'always'));
      assert.equal(m.fix?.text, 'often');
    });

    it('each certainty word in a hypothesis, in order', () => {
      const { text, messages } = certainty('- H1: He is obviously angry and definitely tired.');
      assert.deepEqual(
        messages.map((m) => coveredText(text, m)),
        ['obviously', 'definitely'],
      );
    });

    it('in a hypothesis that follows one with reported speech (no label)', () => {
      const { text, messages } = certainty('- Mum said she was tired', '- He is always angry');
      assertAt(single(messages), span(text, 'always'));
    });

    it('in a paragraph after a reported sentence, with LF and with CRLF line endings', () => {
      const lf = caseFile(hypotheses('- H1: Mum said she was tired.', '', '  He will never change.'));
      const crlf = lf.replace(/\n/g, '\r\n');
      for (const text of [lf, crlf]) assertAt(single(lintRule(id, text)), span(text, 'will never change'));
    });
  });

  describe('does not fire', () => {
    it('the school reports that he "never misses a day" (straight quotes)', () => {
      assert.deepEqual(certainty('- H1: The school reports that he "never misses a day".').messages, []);
    });

    it('the school reports that he “never misses a day” (curly quotes)', () => {
      assert.deepEqual(certainty('- H1: The school reports that he “never misses a day”.').messages, []);
    });

    it('a quotation without a reporting verb, in curly or straight quotes', () => {
      assert.deepEqual(certainty('- H1: Amy may be worried: “Daddy always shouts”.').messages, []);
      assert.deepEqual(certainty('- H1: Amy may be worried: "Daddy always shouts".').messages, []);
    });

    it('Mum said he will never come back', () => {
      assert.deepEqual(certainty('- H1: Mum said he will never come back.').messages, []);
    });

    it('reported speech in an evidence item', () => {
      assert.deepEqual(certainty('- H1: Mr K may be tired.', '  - For: The school told me he is always late. (source: school)').messages, []);
    });

    it('a quotation left open does not run past a blank line, with LF and CRLF', () => {
      // The unclosed quotation ends at the blank line; the later "…" is a quotation of its own.
      const lf = caseFile(hypotheses('- H1: Mum is tired', '  - For: He said "I am off', '', '  - Against: "he will never change" (source: Dad)'));
      for (const text of [lf, lf.replace(/\n/g, '\r\n')]) assert.deepEqual(lintRule(id, text), []);
    });

    it('words that only contain a certainty word', () => {
      assert.deepEqual(certainty('- H1: Nevertheless he is unclearly worried and forever tired, always-on.').messages, []);
    });

    it('in code or an HTML comment', () => {
      assert.deepEqual(certainty('- H1: He writes `clearly` on forms <!-- always -->.').messages, []);
    });

    it('outside the hypotheses', () => {
      const text = caseFile(`## Dilemma\n\nHe is clearly upset and will never change.\n\n${hypotheses('- H1: Mr K may be tired.')}`);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('in a file that is not a case analysis', () => {
      assert.deepEqual(lintRule(id, hypotheses('- H1: He is clearly controlling.'), { path: 'notes.md' }), []);
    });
  });

  describe('options', () => {
    const text = caseFile(hypotheses('- H1: He is clearly tired and surely angry.'));

    it('words from project config replace the default list', () => {
      const messages = lintRule(id, text, withRule(id, { words: ['surely'] }));
      const m = single(messages);
      assertAt(m, span(text, 'surely'));
      assert.equal(m.fix?.text, 'perhaps');
    });

    it('words from frontmatter replace the default list', () => {
      const withWords = caseFile(hypotheses('- H1: He is clearly tired and surely angry.'), ruleSettings(id, '{words: [surely]}'));
      assertAt(single(lintRule(id, withWords)), span(withWords, 'surely', 1));
    });
  });

  describe('word forms and patterns (issue 17)', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['- H1: It seemed clear that Tess puts her evenings first.', 'It seemed clear that', 'It seemed possible that'],
      ['- H1: Patience does indeed see him as the one who listens.', 'does indeed', 'may'],
      ['- H1: Leanne cancels late; they do this all the time.', 'all the time', 'often'],
      ['- H1: There is no question that Chloe understands the risk.', 'There is no question that', 'It may be that'],
      ['- H1: Mr K is bound to leave again.', 'bound to', 'likely to'],
      ['- H1: Relapse is inevitable for Kim.', 'inevitable', 'possible'],
      ['- H1: Patience did indeed go to the party.', 'did indeed', undefined],
    ];
    for (const [item, words, replacement] of cases) {
      it(`“${words}”${replacement ? `, with “${replacement}” offered` : ', asking for a rewording'}`, () => {
        const text = caseFile(hypotheses(item));
        const m = single(lintRule(id, text));
        assert.equal(coveredText(text, m), words);
        if (replacement === undefined) {
          assert.equal(m.fix, undefined);
          assert.match(m.reason, /how could you word it to leave room for what you have not yet seen\?$/);
        } else {
          assert.equal(m.fix?.text, replacement);
          assert.deepEqual(lintRule(id, applyFix(text, m.fix)), []);
        }
      });
    }

    for (const item of ['- H1: Liam’s biting may not always be about school.', '- H2: Lee was never asked for his side.', '- H3: It is not clear that Dad knows.', '- H4: Kim hasn’t always been able to say no.']) {
      it(`is quiet on a negated or past form: “${item.slice(6)}”`, () => {
        assert.deepEqual(lintRule(id, caseFile(hypotheses(item))), []);
      });
    }

    it('team patterns in settings: stems and alternatives', () => {
      const text = caseFile(hypotheses('- H1: Dad is surely the one, and she (is) unarguably right.'));
      const messages = lintRule(id, text, withRule(id, { words: ['surely', 'unarguabl*'] }));
      assert.deepEqual(messages.map((m) => coveredText(text, m)), ['surely', 'unarguably']);
    });
  });

  describeSeverity(id, (fm) => caseFile(hypotheses('- H1: Mr K is clearly controlling.'), fm));
});
