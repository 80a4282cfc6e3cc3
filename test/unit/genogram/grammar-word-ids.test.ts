// Ids that are grammar words: every word the reader knows either works as an id on every kind of line, or is refused
// at the person line with a message saying why (never accepted there and then misread on every later line).
import assert from 'node:assert/strict';
import { reservedWords, wordsNotIds } from '../../../src/core/genogram/grammar';
import { parseDiagram, type Genogram } from '../../../src/core/genogram/index';

/** The person as a parent: in a couple, children lines (both sides of +), relationships, a household and a note. */
function asParent(w: string): Genogram {
  return parseDiagram(
    'genogram',
    [`person ${w} female 30`, 'person dan male 32', 'person amy female 5 index', 'person bo male 3', `${w} + dan married`, `amy child of ${w} + dan`, `bo child of dan + ${w}`, `${w} -- dan close`, `dan -> ${w} hostile`, `household: ${w}, dan, amy`, `note ${w}: likes tea`].join('\n'),
  );
}

/** The person as a child: first and second on a children line, and in a twins line. */
function asChild(w: string): Genogram {
  return parseDiagram('genogram', [`person ${w} female 5`, 'person sara female 30', 'person dan male 32', 'person amy female 5', `${w} child of sara + dan`, `amy, ${w} children of sara + dan`, `twins ${w} amy`].join('\n'));
}

/** What goes wrong with `w` as an id; `beyondRefusal` leaves out the refusal itself, to show the word is really misread. */
function misread(w: string, beyondRefusal = false): string[] {
  const wrong: string[] = [];
  const parent = asParent(w);
  const child = asChild(w);
  for (const g of [parent, child]) for (const p of g.problems) if (!beyondRefusal || !p.message.includes('cannot be a person’s id')) wrong.push(`${p.ruleId}: ${p.message}`);
  if (!beyondRefusal && !parent.people.find((p) => p.key === w)?.declared) wrong.push('not declared');
  if (parent.unions[0]?.partners.join() !== `${w},dan`) wrong.push('couple');
  if (parent.children.length !== 2 || !parent.children.every((c) => c.parents.includes(w) && c.kind === 'biological')) wrong.push('children of');
  if (parent.relationships.map((r) => `${r.from}-${r.to}`).join() !== `${w}-dan,dan-${w}`) wrong.push('relationships');
  if (parent.households[0]?.members.join() !== `${w},dan,amy`) wrong.push('household');
  if (parent.people.find((p) => p.key === w)?.notes.join() !== 'likes tea') wrong.push('note');
  const links = child.children.filter((c) => c.child === w);
  if (links.length !== 2 || !links.every((c) => c.kind === 'biological' && c.parents.join() === 'sara,dan' && c.twin)) wrong.push('child, twin');
  return wrong;
}

describe('ids that are grammar words', () => {
  it('every word the reader knows either works as an id on every line, or is one the person line refuses', () => {
    const inconsistent: string[] = [];
    for (const word of reservedWords) {
      const wrong = misread(word);
      // A refused word must be one later lines really misread, apart from the refusal's own messages.
      if (wordsNotIds.has(word) && misread(word, true).length === 0) inconsistent.push(`${word} is refused but would work`);
      if (!wordsNotIds.has(word) && wrong.length > 0) inconsistent.push(`${word} is accepted but misread: ${wrong.join('; ')}`);
    }
    assert.deepEqual(inconsistent, []);
    // The words, and that many ordinary-looking words still work as ids.
    for (const word of ['foster', 'son', 'child', 'twin', 'step', 'adopted', 'kid']) assert.ok(wordsNotIds.has(word), word);
    for (const word of ['close', 'female', 'm', 'married', 'born', 'index', 'school', 'family']) assert.deepEqual(misread(word), [], word);
  });

  it('refuses one at the person line, at the id, saying why and what to write instead', () => {
    const g = parseDiagram('genogram', ['person foster female 40', 'person amy female 6 index', 'amy child of foster'].join('\n'));
    const [first] = g.problems;
    assert.ok(first);
    assert.equal(first.ruleId, 'genogram-syntax');
    assert.equal(first.span.line, 0);
    assert.equal(g.lineStarts[0] !== undefined && first.span.start - (g.lineStarts[0] as number), 7, 'at the id');
    assert.equal(first.span.end - first.span.start, 'foster'.length);
    assert.match(first.message, /^“foster” cannot be a person’s id: genogram lines read it as part of the grammar/);
    assert.match(first.message, /person foster1 "Foster"\.$/);
    assert.equal(g.people.some((p) => p.key === 'foster' && p.declared), false, 'not declared');
  });

  it('says the same where a later line names them by it, not “no one is declared”', () => {
    const g = parseDiagram('genogram', ['person kid male 4', 'kid + dan married', 'person dan male'].join('\n'));
    const later = g.problems.filter((p) => p.span.line === 1);
    assert.equal(later.length, 1);
    assert.match(later[0]?.message ?? '', /^“kid” cannot be a person’s id/);
  });
});
