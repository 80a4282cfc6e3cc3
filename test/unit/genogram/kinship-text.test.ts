// Every relation and age that CaseMark states about the families of kinship-families.ts, in the rules' messages, the
// hovers on genogram ids and the alternative viewpoint, read back out of the text and checked against relationBetween
// (itself checked against the hand-written table in kinship.test.ts) and the ages at the case's date.
import assert from 'node:assert/strict';
import { analyse, buildViewpoint, viewpointDocument } from '../../../src/core/index';
import { ageAt, ageText, hoverAt, isChildAt, relationBetween, type Genogram } from '../../../src/core/genogram/index';
import { families, type KinshipFamily } from './kinship-families';

const year = 2026;

function caseText(family: KinshipFamily): string {
  const households = family.households.map((members) => `household: ${members.join(', ')}`);
  return [
    '---',
    'casemark: 1',
    `case: ${family.name}`,
    `date: ${year}-06-01`,
    '---',
    '',
    '## Genogram',
    '',
    '```genogram',
    ...family.lines,
    ...households,
    '```',
    '',
    '## Hypotheses',
    '',
    // About no one, with no family word: every adult at home is someone no hypothesis names.
    '- H1: The routine may have changed after the move.',
    '  - For: Arrival times at school are later. (source: school)',
    '  - Test: Look at the attendance record.',
    '',
  ].join('\n');
}

interface Statement {
  where: string;
  subject: string;
  age?: string;
  relation?: string;
}

/** "Kai’s father’s partner and Leo’s mother" into [from name, term] pairs. */
function relationParts(relation: string): Array<[string, string]> {
  return relation.split(/, | and /).map((part) => {
    const at = part.indexOf('’s ');
    assert.ok(at > 0, `“${part}” names whose relation it is`);
    return [part.slice(0, at), part.slice(at + 3)];
  });
}

describe('every stated relation and age matches the kinship table', () => {
  let checked = 0;
  const byPlace = new Map<string, number>();

  for (const family of families) {
    it(family.name, () => {
      const text = caseText(family);
      const analysis = analyse(text, { path: 'family.case.md' });
      const diagram = analysis.model.diagrams[0];
      assert.ok(diagram);
      const genogram: Genogram = diagram.genogram;
      assert.deepEqual(genogram.problems.map((p) => p.message), []);
      const byName = new Map(genogram.people.map((p) => [p.name, p] as const));
      const statements: Statement[] = [];

      // unseen-adult: "Jo (29), Kai’s father’s partner, lives in Kai’s household…"
      const unseen = analysis.messages.filter((m) => m.ruleId === 'unseen-adult');
      assert.ok(unseen.length > 0, 'the family gives unseen-adult something to ask');
      for (const message of unseen) {
        const match = /^(\S+) \(([^)]+)\)(?:, (.+?),)? lives in (\S+)’s household/.exec(message.reason);
        assert.ok(match, message.reason);
        statements.push({ where: 'unseen-adult', subject: match[1] as string, age: match[2], relation: match[3] });
        const subject = byName.get(match[1] as string);
        assert.ok(subject && !subject.deceased && !subject.pregnancy && !isChildAt(subject, year), `${match[1]} is a living adult`);
      }
      // child-voice-absent: "Tia (6), Tao (6) are named…": the living children at the case's date, each once.
      const voice = analysis.messages.find((m) => m.ruleId === 'child-voice-absent');
      const living = genogram.people.filter((p) => isChildAt(p, year)).map((p) => p.name);
      if (living.length > 0) {
        assert.ok(voice, 'children and no voice: the rule asks');
        const listed = /^(.+) (?:is|are) named, but/.exec(voice.reason)?.[1] ?? '';
        const named = [...listed.matchAll(/(\S+) \(([^)]+)\)/g)].map((m) => {
          statements.push({ where: 'child-voice-absent', subject: m[1] as string, age: m[2] });
          return m[1];
        });
        assert.deepEqual([...named].sort(), [...living].sort(), 'the living children under 18, no one else');
      }
      // Hovers on each person's id.
      for (const person of genogram.people.filter((p) => p.declared)) {
        const hover = hoverAt({ kind: 'genogram', source: diagram.source, genogram }, person.span.start, year);
        assert.ok(hover, person.name);
        const match = /^(\S+)(?: \(([^)]+)\))?(?:, the index person)?(?:, who has died)?(?:, (.+))?$/.exec(hover.summary);
        assert.ok(match, hover.summary);
        statements.push({ where: 'hover', subject: match[1] as string, age: match[2], relation: match[3] });
      }
      // The viewpoint: "**Jo** (Kai’s father’s partner): …"
      const document = viewpointDocument(buildViewpoint(analysis, text));
      for (const match of document.matchAll(/\*\*(\S+)\*\* \(([^)]+)\):/g)) statements.push({ where: 'viewpoint', subject: match[1] as string, relation: match[2] });
      assert.ok(statements.some((s) => s.where === 'viewpoint' && s.relation), 'the viewpoint states relations');

      const wrong: string[] = [];
      for (const statement of statements) {
        const subject = byName.get(statement.subject);
        if (!subject) {
          wrong.push(`${statement.where}: no one called ${statement.subject}`);
          continue;
        }
        if (statement.age !== undefined && !subject.pregnancy && statement.age !== ageText(ageAt(subject, year))) wrong.push(`${statement.where}: ${statement.subject} is said to be ${statement.age}`);
        for (const [fromName, term] of statement.relation ? relationParts(statement.relation) : []) {
          const from = byName.get(fromName);
          const truth = from ? relationBetween(genogram, from.key, subject.key)?.term : undefined;
          if (term !== truth) wrong.push(`${statement.where}: ${statement.subject} is called ${fromName}’s ${term}; the table says ${truth ?? 'no term'}`);
          checked++;
          byPlace.set(statement.where, (byPlace.get(statement.where) ?? 0) + 1);
        }
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('checked a stated relation in every place (rules, hovers, viewpoint), dozens in all', () => {
    console.log(`      relations checked: ${[...byPlace].map(([where, n]) => `${where} ${n}`).join(', ')}`);
    for (const where of ['unseen-adult', 'hover', 'viewpoint']) assert.ok((byPlace.get(where) ?? 0) >= 10, `${where}: ${byPlace.get(where) ?? 0}`);
    assert.ok(checked >= 40, `${checked} relations checked`);
  });
});
