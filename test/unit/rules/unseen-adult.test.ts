import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, single, span } from '../helpers';

const id = 'unseen-adult';
const block = (kind: 'genogram' | 'ecomap', ...lines: string[]): string => `\`\`\`${kind}\n${lines.join('\n')}\n\`\`\`\n`;
const dated = 'date: 2026-11-09';
const family = [
  'person mia female 7 index',
  'person kerry female 29',
  'person ryan male 34',
  'person dan male 33',
  'mia child of kerry + dan',
  'kerry + ryan cohabiting 2023',
];
const home = 'household: kerry, ryan, mia';
const aboutKerry = hypotheses('- H1: Mornings may have become harder for Kerry since the move.', '- H2: Mia may be staying close to Kerry.');

describe(id, () => {
  describe('fires', () => {
    it('on an adult in the child’s household whom no hypothesis mentions, at their person line, as a question', () => {
      const text = caseFile(`${block('genogram', ...family, home)}\n${aboutKerry}`, dated);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, 'ryan'));
      assert.equal(
        m.reason,
        "Ryan (34), Mia’s mother’s partner, lives in Mia’s household but appears in no hypothesis. What part might Ryan play in Mia’s day-to-day life, and what would Ryan say about it if asked directly?",
      );
    });

    it('on any adult, not only men: one message each', () => {
      const text = caseFile(`${block('genogram', ...family, 'person jean female 58', 'kerry child of jean', 'household: kerry, ryan, mia, jean')}\n${aboutKerry}`, dated);
      assert.deepEqual(
        lintRule(id, text).map((m) => m.reason.match(/^([^(]+) \(\d+\), Mia’s ([^,]+),/)?.slice(1)),
        [['Ryan', "mother’s partner"], ['Jean', 'maternal grandmother']],
      );
    });

    it('on an adult with no age, saying the age is not recorded rather than guessing one', () => {
      const text = caseFile(`${block('genogram', ...family, 'person lodger male', 'household: kerry, mia, lodger')}\n${hypotheses('- H1: Mornings may be hard for Kerry and Ryan.')}`, dated);
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'lodger'));
      assert.match(m.reason, /^Lodger \(age not recorded\) lives in Mia’s household but appears in no hypothesis\. What part might Lodger play/);
    });

    it('in an ecomap’s family centre, which counts as a household', () => {
      const text = caseFile(`${block('ecomap', 'person mia female 7', 'person kerry female 29', 'person ryan male 34', 'family: kerry, ryan, mia', 'family -> school strong')}\n${aboutKerry}`, dated);
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'ryan'));
      assert.match(m.reason, /^Ryan \(34\) lives in Mia’s household but appears in no hypothesis\./);
    });

    it('in an ecomap centre naming the genogram’s people', () => {
      const text = caseFile(`${block('genogram', ...family)}\n${block('ecomap', 'family: kerry, ryan, mia')}\n${aboutKerry}`, dated);
      assertAt(single(lintRule(id, text)), span(text, 'ryan', 2));
    });

    it('once for an adult in both a household and an ecomap centre', () => {
      const text = caseFile(`${block('genogram', ...family, home)}\n${block('ecomap', 'family: kerry, ryan, mia')}\n${aboutKerry}`, dated);
      assertAt(single(lintRule(id, text)), span(text, 'ryan'));
    });

    it('names the first child when no one is marked index', () => {
      const text = caseFile(`${block('genogram', 'person kerry female 29', 'person ryan male 34', 'person leo male 3', 'person mia female 7', 'household: kerry, ryan, leo, mia')}\n${aboutKerry}`, dated);
      assert.match(single(lintRule(id, text)).reason, /^Ryan \(34\) lives in Leo’s household/);
    });
  });

  describe('words each relation from the child it names (issue 18)', () => {
    it('“Kai’s father’s partner and Leo’s mother”, never “Leo’s father’s partner”', () => {
      const lines = ['person kai male 10 index', 'person leo male 4', 'person sam male 34', 'person jo female 29', 'person ana female 33', 'sam + ana separated', 'sam + jo cohabiting', 'kai child of sam + ana', 'leo child of sam + jo'];
      const text = caseFile(`${block('genogram', ...lines, 'household: sam, jo, leo, kai')}\n${hypotheses('- H1: Sam may be finding the school run hard.')}`, dated);
      assert.equal(single(lintRule(id, text)).reason.split(' lives in')[0], 'Jo (29), Kai’s father’s partner and Leo’s mother,');
      // Without Kai at home, the sentence names Leo, and Jo is his mother.
      const leoOnly = caseFile(`${block('genogram', ...lines, 'household: sam, jo, leo')}\n${hypotheses('- H1: Sam may be finding the school run hard.')}`, dated);
      assert.equal(single(lintRule(id, leoOnly)).reason.split(' lives in')[0], 'Jo (29), Leo’s mother,');
    });

    it('keeps a full sister a sister beside a foster link, and a great-grandmother a great-grandmother', () => {
      const lines = ['person edna female 1940', 'person gwen female 1962', 'person lisa female 1984', 'person hana female 2003', 'person zara female 2010 index', 'person ruth female 2024', 'person fay female 1970',
        'gwen child of edna', 'lisa child of gwen', 'hana, zara children of lisa', 'ruth child of hana', 'zara child of fay fostered'];
      const text = caseFile(`${block('genogram', ...lines, 'household: hana, ruth, zara, edna')}\n${hypotheses('- H1: The routine may have changed.')}`, dated);
      assert.deepEqual(lintRule(id, text).map((m) => m.reason.split(' lives in')[0]), [
        'Edna (86), Zara’s maternal great-grandmother and Ruth’s maternal great-great-grandmother,',
        'Hana (23), Zara’s sister and Ruth’s mother,',
      ]);
    });

    it('names the index child when no child at home has a plain word for the adult', () => {
      const lines = ['person zara female 15 index', 'person fay female 50', 'person kit male 5', 'zara child of fay fostered'];
      const text = caseFile(`${block('genogram', ...lines, 'household: fay, kit')}\n${hypotheses('- H1: The routine may have changed.')}`, dated);
      assert.equal(single(lintRule(id, text)).reason.split(' lives in')[0], 'Fay (50), Zara’s foster mother,');
    });
  });

  describe('does not fire', () => {
    const quiet = (hypothesisSection: string, lines: string[] = [...family, home]): void => {
      assert.deepEqual(lintRule(id, caseFile(`${block('genogram', ...lines)}\n${hypothesisSection}`, dated)), []);
    };

    it('when a hypothesis names them', () => {
      quiet(hypotheses('- H1: Mornings may be hard for Kerry since Ryan moved in.'));
    });

    it('when they are named only in an evidence line, a test or a source', () => {
      quiet(hypotheses('- H1: Mornings may be hard for Kerry.', '  - For: Ryan leaves for work at six. (source: Kerry)'));
      quiet(hypotheses('- H1: Mornings may be hard for Kerry.', '  - Test: Ask Ryan what a school morning is like.'));
      quiet(hypotheses('- H1: Mornings may be hard for Kerry.', '  - For: Mornings start at six. (source: Ryan, 2026-10-21)'));
    });

    it('when a hypothesis is about them by a family word or an About: line', () => {
      quiet(hypotheses('- H1: Kerry’s partner may feel left out of the school run.'));
      quiet(hypotheses('- H1: Mornings may be hard.', '  - About: Kerry, Ryan'));
    });

    it('when a role word reaches the mother as well as her name', () => {
      quiet(hypotheses('- H1: Mum may be exhausted.', '- H2: Ryan may feel shut out.'));
    });

    it('on adults in a household with no child', () => {
      quiet(aboutKerry, [...family, 'person jean female 58', 'household: jean, ryan']);
    });

    it('on adults in the genogram who do not live with the child', () => {
      quiet(aboutKerry, [...family, 'household: kerry, mia']);
    });

    it('on children, by age or as the index child, on the dead and on a pregnancy', () => {
      quiet(aboutKerry, [
        'person mia female 19 index',
        'person kerry female 45',
        'person alfie male 4 months',
        'person grandad male died 2024',
        'person bump pregnancy',
        'household: kerry, mia, alfie, grandad, bump',
      ]);
    });

    it('on someone referred to but not declared (genogram-unknown-person asks about that)', () => {
      quiet(aboutKerry, [...family, 'household: kerry, mia, stranger']);
    });

    it('when there are no hypotheses yet (hypotheses-missing asks about that)', () => {
      assert.deepEqual(lintRule(id, caseFile(block('genogram', ...family, home), dated)), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(`${block('genogram', ...family, home)}\n${aboutKerry}`, `${fm}${dated}`));

  describe('known gaps (see the report to the lead)', () => {
    it('asks about an adult whose name is also an ordinary word (May), even though hypotheses say “may”', () => {
      const text = caseFile(`${block('genogram', ...family, 'person may female 60', 'household: kerry, ryan, mia, may')}\n${aboutKerry.replace('Kerry since', 'Kerry and Ryan since')}`, dated);
      assert.equal(single(lintRule(id, text)).reason.startsWith('May (60)'), true);
    });

    it('is quiet when “Mum” is the frontmatter’s Sara and the genogram calls her Sara Jones', () => {
      const text = caseFile(
        `${block('genogram', 'person sara "Sara Jones" female 31', 'person amy female 8 index', 'amy child of sara', 'household: sara, amy')}\n${hypotheses('- H1: Mum may be exhausted since the move.')}`,
        'people:\n  - {name: Sara, role: mother}',
      );
      assert.deepEqual(lintRule(id, text), []);
    });
  });
});
