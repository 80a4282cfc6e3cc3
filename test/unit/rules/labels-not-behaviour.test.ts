import assert from 'node:assert/strict';
import { applyFix, assertAt, caseFile, coveredText, describeSeverity, hypotheses, lintRule, rule, ruleSettings, single, span, withRule } from '../helpers';

const id = 'labels-not-behaviour';
const placeholder = '[what happened, and when?]';

/** Spellings a writer uses, each to be found by the default list (word forms, not one fixed phrase). */
const spellings = [
  'non-compliant', 'non compliant', 'noncompliant', 'non-compliance', 'disguised compliance', 'toxic trio', 'hard to reach', 'hard-to-engage',
  'manipulative', 'resistant', 'refused to engage', 'refusal to engage', 'refusing to engage', 'failed to engage', 'failure to engage',
  'did not engage', "doesn't engage", 'won’t engage', 'not engaging', 'resisted engaging', 'resistance to engagement', 'non-engaging',
  'non-engagement', 'disengaged', 'disengagement', 'uncooperative', 'unco-operative', 'chaotic', 'unmanageable', 'wrong crowd', 'in denial',
  'attention-seeking', 'evasive', 'aggressive', 'volatile', 'putting himself at risk', 'places herself at risk', 'streetwise', 'promiscuous', 'lifestyle choice',
];

describe(id, () => {
  it('the default list is patterns a team can extend, documented as such', () => {
    const words = rule(id).options.words?.default;
    assert.ok(Array.isArray(words) && words.includes('disengag*') && words.some((w) => w.startsWith('(refused|')));
    assert.match(rule(id).options.words?.description ?? '', /`word\*` matches any ending/);
  });

  describe('fires', () => {
    for (const label of spellings) {
      it(`on “${label}”, at the label, with a snippet fix whose placeholder still asks what happened`, () => {
        const text = caseFile(`## Dilemma\n\nAt the meeting Mr K was ${label} again.\n`);
        const m = single(lintRule(id, text));
        assert.equal(m.ruleId, id);
        assert.equal(m.severity, 'warning');
        assertAt(m, span(text, label));
        assert.ok(m.reason.startsWith(`“${label}” is a label.`), m.reason);
        assert.match(m.reason, /What did you actually see or hear\?/);
        assert.equal(m.fix?.snippet, '${1:[what happened, and when?]}');
        assert.equal(m.fix?.title, `Describe what happened instead of “${label}”`);
        const fixed = applyFix(text, m.fix);
        assert.equal(fixed, text.replace(label, placeholder));
        // Left as it is, the placeholder is still asked about: no broken sentence goes quiet.
        const left = single(lintRule(id, fixed));
        assert.equal(coveredText(fixed, left), placeholder);
        assert.match(left.reason, /^This placeholder is waiting for what you saw or heard/);
        assert.equal(left.fix, undefined);
      });
    }

    it('a snippet the writer fills in leaves their sentence and no prompt', () => {
      const text = caseFile('## Dilemma\n\nHe refused to engage with the home visit.\n');
      const m = single(lintRule(id, text));
      // What VS Code does with the snippet when the writer types over its placeholder.
      assert.equal(applyFix(text, m.fix), caseFile(`## Dilemma\n\nHe ${placeholder} the home visit.\n`), 'the fix takes the “with” that belonged to the label');
      const typed = applyFix(text, { ...(m.fix as NonNullable<typeof m.fix>), text: 'was out for' });
      assert.equal(typed, caseFile('## Dilemma\n\nHe was out for the home visit.\n'));
      assert.deepEqual(lintRule(id, typed), []);
    });

    it('a placeholder an earlier version left in a file', () => {
      const text = caseFile('## Dilemma\n\nHe [what did you see or hear?] with the home visit.\n');
      assertAt(single(lintRule(id, text)), span(text, '[what did you see or hear?]'));
    });

    it('a quoted label speaks to the quotation, with no fix that would change someone’s words', () => {
      const text = caseFile('## Dilemma\n\nHis teachers describe him at lunchtimes as "unmanageable". The school says he has fallen in with the wrong crowd.\n');
      const messages = lintRule(id, text);
      assert.deepEqual(messages.map((m) => coveredText(text, m)), ['unmanageable', 'wrong crowd']);
      for (const m of messages) {
        assert.match(m.reason, /is someone else’s word here\. What did they see or hear that led them to it\?/);
        assert.equal(m.fix, undefined);
      }
    });

    it('anywhere in the prose: hypotheses, evidence and other sections, each occurrence', () => {
      const text = caseFile(
        `## Dilemma\n\nThe family are Chaotic.\n\n${hypotheses('- H1: Mum may be resistant to help.', '  - For: She was uncooperative at the visit. (source: school)')}`,
      );
      const messages = lintRule(id, text);
      assert.deepEqual(
        messages.map((m) => coveredText(text, m)),
        ['Chaotic', 'resistant', 'uncooperative'],
      );
      assertAt(messages[1], span(text, 'resistant'));
      assertAt(messages[2], span(text, 'uncooperative'));
    });

    it('a label written over a line break and with a hyphen for a space', () => {
      const text = caseFile('## Dilemma\n\nHe is hard\nto-reach.\n');
      const [m] = lintRule(id, text);
      assert.ok(m);
      assert.equal(coveredText(text, m), 'hard\nto-reach');
      assert.equal(applyFix(text, m.fix), text.replace('hard\nto-reach', placeholder));
    });
  });

  describe('does not fire', () => {
    it('"engaged well" and other descriptions of behaviour', () => {
      const text = caseFile('## Dilemma\n\nMr K engaged well and answered every question. He was not at home on Tuesday.\n');
      assert.deepEqual(lintRule(id, text), []);
    });

    it('words that contain a label', () => {
      const text = caseFile('## Dilemma\n\nThe resistance band and the hard-to-reach-shelf; chaotically; manipulatively.\n');
      assert.deepEqual(lintRule(id, text), []);
    });

    it('a label the writer denies ("not chaotic", "wasn’t uncooperative")', () => {
      const text = caseFile('## Dilemma\n\nThe home was not chaotic on my visit, and Mr K wasn’t uncooperative.\n');
      assert.deepEqual(lintRule(id, text), []);
    });

    it('labels in code, HTML comments or frontmatter', () => {
      const text = caseFile('## Dilemma\n\nThe form says `non-compliant`. <!-- chaotic -->\n\n```\nhard to reach\n```\n', 'case: The chaotic family');
      assert.deepEqual(lintRule(id, text), []);
    });

    it('in a file that is not a case analysis', () => {
      assert.deepEqual(lintRule(id, 'He was non-compliant.\n', { path: 'notes.md' }), []);
    });
  });

  describe('options', () => {
    it('words from project config replace the default list', () => {
      const text = caseFile('## Dilemma\n\nHe was chaotic and lazy.\n');
      assertAt(single(lintRule(id, text, withRule(id, { words: ['lazy'] }))), span(text, 'lazy'));
    });

    it('words from frontmatter replace the default list', () => {
      const text = caseFile('## Dilemma\n\nHe was chaotic and lazy.\n', ruleSettings(id, '{words: [lazy]}'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'lazy', 1));
      assert.equal(applyFix(text, m.fix), text.replace('and lazy', `and ${placeholder}`));
    });

    it('team words may be patterns: stems and alternatives', () => {
      const text = caseFile('## Dilemma\n\nHe was avoidant on Monday and showed avoidance on Friday; she stonewalled.\n');
      const messages = lintRule(id, text, withRule(id, { words: ['avoid*', '(stonewalled|stonewalling)'] }));
      assert.deepEqual(messages.map((m) => coveredText(text, m)), ['avoidant', 'avoidance', 'stonewalled']);
    });
  });

  describeSeverity(id, (fm) => caseFile('## Dilemma\n\nHe was non-compliant.\n', fm));
});
