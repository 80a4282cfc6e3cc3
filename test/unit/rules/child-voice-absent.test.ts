import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lint, lintRule, pointAt, single, span } from '../helpers';

const id = 'child-voice-absent';
const jay = 'people:\n  - {name: Jay, role: son, age: 6}\n  - {name: Mr K, role: stepfather}';
const adultsOnly = hypotheses('- H1: Mr K may feel shut out.', '  - For: He said so. (source: Mr K)');

describe(id, () => {
  describe('fires', () => {
    it('when a child is named and nothing records their voice, at the child in the frontmatter', () => {
      const text = caseFile(adultsOnly, jay);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, '{name: Jay, role: son, age: 6}'));
      assert.match(m.reason, /^Jay \(6\) is named, but CaseMark found nothing recording what Jay said, showed or wished for\./);
      assert.match(m.reason, /What would Jay say about this, in their own words\?/);
    });

    it('lists only those under 18 at the case’s date, never the dead or those whose birth year makes them adults (issue 18)', () => {
      const block = ['```genogram', 'person ewa female 1940', 'person tom male 1962', 'person kasia female 1988', 'person ola female 2015 index', 'person jan male 2019 died 2019', 'person ben male 2008',
        'tom child of ewa', 'kasia child of tom', 'ola, jan, ben children of kasia', '```', ''].join('\n');
      // Tom is "Ewa's son" in the frontmatter: a relation, not an age; the genogram's birth year decides.
      const text = caseFile(`${block}\n${adultsOnly}`, 'date: 2026-03-01\npeople:\n  - {name: Tom, role: son}');
      assert.match(single(lintRule(id, text)).reason, /^Ola \(11\) is named, but/);
    });

    it('names all the children, and points at the first', () => {
      const text = caseFile(adultsOnly, 'people:\n  - {name: Sara, role: mother}\n  - {name: Amy Jones, role: daughter}\n  - {name: Leo, age: 3}');
      const m = single(lintRule(id, text));
      assertAt(m, span(text, '{name: Amy Jones, role: daughter}'));
      assert.match(m.reason, /^Amy Jones \(age not recorded\), Leo \(3\) are named, but CaseMark found nothing recording what the children said/);
      assert.match(m.reason, /What would Amy say/);
    });

    it('for a child written as a block mapping', () => {
      const text = caseFile(adultsOnly, 'people:\n  - name: Jay\n    age: 6\n');
      const m = single(lintRule(id, text));
      assert.deepEqual(m.place && 'start' in m.place ? m.place.start : undefined, pointAt(text, text.indexOf('name: Jay')));
    });

    it('when the child’s words are only in code or a comment', () => {
      const text = caseFile(`${adultsOnly}\n\`Jay said he likes school.\`\n\n<!-- Jay told me about Lego. -->\n`, jay);
      assert.equal(lintRule(id, text).length, 1);
    });

    it('when another child speaks in the record but this one does not (no generic words)', () => {
      const text = caseFile(`${adultsOnly}\nMr K said the dog wants a walk.\n`, jay);
      assert.equal(lintRule(id, text).length, 1);
    });

    it('when the child is heard only in a sentence that does not name them', () => {
      // The rule is about naming and hearing in the same sentence; a separate sentence does not count.
      const text = caseFile(`${adultsOnly}\nJay was at school. He said hello.\n`, jay);
      assert.equal(lintRule(id, text).length, 1);
    });
  });

  describe('does not fire', () => {
    for (const sentence of ['Jay told me he likes Lego.', 'In his drawing Jay showed the whole family.', 'The son said he misses his dad.', 'Jay’s wishes and feelings are recorded in the review.']) {
      it(`when the record says “${sentence}”`, () => {
        assert.deepEqual(lintRule(id, caseFile(`${adultsOnly}\n${sentence}\n`, jay)), []);
      });
    }

    it('when evidence comes from the child', () => {
      const text = caseFile(hypotheses('- H1: Mr K may feel shut out.', '  - For: Likes the park. (source: Jay, 2026-01-02)'), jay);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('when nobody is a child (18 or over, or an adult role)', () => {
      const text = caseFile(adultsOnly, 'people:\n  - {name: Jay, role: son, age: 18}\n  - {name: Mr K, role: stepfather}\n  - Dee');
      assert.deepEqual(lintRule(id, text), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(adultsOnly, `${fm}${jay}`));

  describe('adults’ accounts and absences are not the child’s voice', () => {
    for (const sentence of ['Jay’s mum said he is fine.', "Jay's teacher told me he is settled.", 'The children were not asked for their views.', 'Jay was not asked what he wants.']) {
      it(`still fires with “${sentence}”`, () => {
        const text = caseFile(`${sentence}\n\n## Hypotheses\n\n- H1: Jay may be worried.\n`, 'people:\n  - {name: Jay, role: son, age: 6}');
        assert.ok(lint(text).some((m) => m.ruleId === 'child-voice-absent'), sentence);
      });
    }
    it('is quiet with “Jay’s drawing showed his gran in the middle.”', () => {
      const text = caseFile('Jay’s drawing showed his gran in the middle.\n\n## Hypotheses\n\n- H1: Jay may be worried.\n', 'people:\n  - {name: Jay, role: son, age: 6}');
      assert.ok(!lint(text).some((m) => m.ruleId === 'child-voice-absent'));
    });
  });

  describe('finding the child in the text (issue 17)', () => {
    const mia = 'people:\n  - {name: Mia, role: daughter, age: 7}\n  - {name: Kerry, role: mother}';

    it('a children’s guardian is an adult: not named as a child, and their words are not a child’s', () => {
      const text = caseFile(`The guardian said contact was "horrifying".\n\n${adultsOnly}`, `${mia}\n  - {name: the guardian, role: children's guardian}\n  - {name: Ms Hart, role: children's guardian}`);
      const m = single(lintRule(id, text));
      assert.match(m.reason, /^Mia \(7\) is named/);
      assert.doesNotMatch(m.reason, /guardian|Hart|What would the say/);
    });

    it('a source in the two-part form (source: Mia, at school) is the child heard', () => {
      const text = caseFile(hypotheses('- H1: Mia may be tired.', '  - For: She falls asleep in class. (source: Mia, at school)'), mia);
      assert.deepEqual(lintRule(id, text), []);
    });

    for (const sentence of ['At school Mia is often asked to keep her coat on.', 'Mia was told to keep quiet.', 'I asked Mia to keep a diary.']) {
      it(`someone asking or telling the child is not the child heard: “${sentence}”`, () => {
        assert.equal(lintRule(id, caseFile(`${sentence}\n\n${adultsOnly}`, mia)).length, 1);
      });
    }

    it('a name does not run on into the next list item', () => {
      const text = caseFile(`## Next steps\n\n- Visit Mia\n- Kerry said she would be in on Tuesday\n\n${adultsOnly}`, mia);
      assert.equal(lintRule(id, text).length, 1);
    });

    it('a child known by an initial and surname is called by the whole name, never the surname alone', () => {
      const m = single(lintRule(id, caseFile(adultsOnly, 'people:\n  - {name: R Patel, role: son, age: 9}\n  - {name: Mr Patel, role: father}')));
      assert.match(m.reason, /What would R Patel say about this/);
      const heard = caseFile(`Mr Patel said the mornings are hard.\n\n${adultsOnly}`, 'people:\n  - {name: R Patel, role: son, age: 9}\n  - {name: Mr Patel, role: father}');
      assert.equal(lintRule(id, heard).length, 1, 'the father speaking is not the son heard');
    });

    it('a baby heard through what she did (“reached for”, “settled”)', () => {
      const text = caseFile(`At both visits Poppy reached for Sue and settled on her lap.\n\n${adultsOnly}`, 'people:\n  - {name: Poppy, role: daughter, age: 0.9}');
      assert.deepEqual(lintRule(id, text), []);
    });
  });
});
