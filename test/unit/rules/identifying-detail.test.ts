import assert from 'node:assert/strict';
import { findIdentifyingDetails, nhsCheckDigitValid } from '../../../src/core/anonymise/detect';
import { applyFix, caseFile, coveredText, lintRule, withRule } from '../helpers';

const id = 'identifying-detail';
const shared = (body: string, extra = '') => caseFile(body, `shareable: true\n${extra}`);
const kinds = (text: string) => findIdentifyingDetails(text).map((f) => [f.kind, f.text]);

describe(id, () => {
  describe('when it runs', () => {
    const body = '## Dilemma\n\nChild A goes to Brookfield Primary School and lives at 14 Cedar Road, E8 3PQ.\n';

    it('is off in an ordinary case file, where naming the school is the point', () => {
      assert.deepEqual(lintRule(id, caseFile(body)), []);
    });

    it('is on, as warnings, in a shareable copy and in an exercise submission', () => {
      for (const text of [shared(body), caseFile(body, 'exercise: practice.exercise.md')]) {
        const messages = lintRule(id, text);
        assert.deepEqual(messages.map((m) => coveredText(text, m)), ['Brookfield Primary School', '14 Cedar Road', 'E8 3PQ']);
        assert.ok(messages.every((m) => m.severity === 'warning' && m.source === 'casemark' && m.url === `docs/rules/${id}.md`));
      }
    });

    it('follows settings over the file’s own default: off in a shareable copy, on in any file', () => {
      assert.deepEqual(lintRule(id, shared(body), withRule(id, { severity: 'off' })), []);
      assert.equal(lintRule(id, caseFile(body), withRule(id, { severity: 'error' })).length, 3);
      assert.deepEqual(lintRule(id, shared(body, 'casemark:\n  rules:\n    identifiers: off')), [], 'by alias in the frontmatter');
    });

    it('asks, and offers to generalise each finding in place', () => {
      const text = shared(body);
      const [school, address, postcode] = lintRule(id, text);
      assert.equal(postcode?.reason, '“E8 3PQ” looks like a postcode. Pseudonymised notes are still personal data; would a general description do for sharing?');
      assert.equal(postcode?.fix?.title, 'Generalise to “[postcode]”');
      assert.match(applyFix(text, school?.fix), /goes to the primary school and/);
      assert.match(applyFix(text, address?.fix), /lives at the family home, E8 3PQ/);
    });

    it('turns a date of birth into an age at the case’s year', () => {
      const text = shared('## Dilemma\n\nTyler was born 14 March 2017.\n', 'date: 2026-11-02\npeople:\n  - {name: Tyler, role: child}');
      const [m] = lintRule(id, text);
      assert.equal(coveredText(text, m!), 'born 14 March 2017');
      assert.match(applyFix(text, m?.fix), /Tyler was aged about 9\./);
    });

    it('leaves declared names to the pseudonyms, and asks about names declared nowhere', () => {
      const text = shared('## Dilemma\n\nKerry Jones says her neighbour Bernadette Walsh and Mr Pritchard help. Mother agrees.\n', 'people:\n  - {name: Kerry Jones, role: mother}');
      const messages = lintRule(id, text);
      assert.deepEqual(messages.map((m) => coveredText(text, m)), ['Bernadette Walsh', 'Mr Pritchard']);
      assert.match(messages[0]?.reason ?? '', /looks like a name that is not in the genogram or `people`/);
    });
  });

  describe('what it finds', () => {
    it('a whole name when the lexicon knows only its surname, never a role or a verb before it', () => {
      // "Priya" is not in the tagger's lexicon, "Sharma" is: flagging only the surname left "Priya [name]" after the fix.
      assert.deepEqual(kinds('Her aunt Siobhan phoned; Priya Sharma from the school rang too.').filter(([kind]) => kind === 'name'), [['name', 'Siobhan'], ['name', 'Priya Sharma']]);
      assert.deepEqual(kinds('Aunt Priya Sharma came.').filter(([kind]) => kind === 'name'), [['name', 'Priya Sharma']]);
      assert.deepEqual(kinds('Offer Dan a call next week.').filter(([kind]) => kind === 'name'), [['name', 'Dan']]);
    });

    it('structured identifiers in their usual spellings', () => {
      assert.deepEqual(kinds('Call 07700 900123, (020) 7946 0321 or +44 7700 900789; write to kerry@example.org.'), [
        ['phone', '07700 900123'],
        ['phone', '(020) 7946 0321'],
        ['phone', '+44 7700 900789'],
        ['email', 'kerry@example.org'],
      ]);
      assert.deepEqual(kinds('NHS 943 476 5919 and 9434765919; NI QQ 12 34 56 C, QQ123456A; SW1A 1AA and N19 4QT.'), [
        ['nhs-number', '943 476 5919'],
        ['nhs-number', '9434765919'],
        ['ni-number', 'QQ 12 34 56 C'],
        ['ni-number', 'QQ123456A'],
        ['postcode', 'SW1A 1AA'],
        ['postcode', 'N19 4QT'],
      ]);
      assert.deepEqual(kinds('DOB: 03/07/2015, date of birth 2016-09-21.'), [
        ['date-of-birth', 'DOB: 03/07/2015'],
        ['date-of-birth', 'date of birth 2016-09-21'],
      ]);
    });

    it('places by their shape, and rare events from its list', () => {
      assert.deepEqual(kinds("St Aidan's C of E Primary, Riverside Nursery, Elm Tree Surgery, Dr Shah's practice, Flat 3, 27 Mill Lane, the Kingsmead Estate."), [
        ['school', "St Aidan's C of E Primary"],
        ['school', 'Riverside Nursery'],
        ['gp-surgery', 'Elm Tree Surgery'],
        ['gp-surgery', "Dr Shah's practice"],
        ['street-address', 'Flat 3, 27 Mill Lane'],
        ['street-address', 'Kingsmead Estate'],
      ]);
      assert.deepEqual(kinds("The London Borough of Hackney, Leeds City Council and Camden children's services; triplets after a house fire."), [
        ['local-authority', 'London Borough of Hackney'],
        ['local-authority', 'Leeds City Council'],
        ['local-authority', "Camden children's services"],
        ['rare-event', 'triplets'],
        ['rare-event', 'house fire'],
      ]);
    });

    it('not ordinary words, dates, years, role pseudonyms or numbers that only look alike', () => {
      assert.deepEqual(
        kinds('The School rang on 3 October 2026 about 11 absences since 2019. Mother, Father and Child A (8) met the Health Visitor at 10:30. Ref 1234567890. The council agreed.'),
        [],
      );
    });

    it('checks NHS numbers’ modulus 11 digit', () => {
      assert.equal(nhsCheckDigitValid('9434765919'), true);
      assert.equal(nhsCheckDigitValid('9434765918'), false);
      assert.deepEqual(kinds('NHS number: 123 456 7890'), [['nhs-number', '123 456 7890']], 'after the words "NHS number", whatever the check digit');
    });

    it('never throws or hangs on odd input', () => {
      for (const text of ['', '@@@', `${'Mr '.repeat(5000)}`, `${'0'.repeat(20000)}`, 'A'.repeat(50000), '\u0000\uFFFF\uD800']) assert.ok(Array.isArray(findIdentifyingDetails(text)));
    });
  });
});
