import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse } from '../../../src/core/analyse';
import { mappingDocument, shareableCopy } from '../../../src/core/anonymise/share';

const strong = readFileSync(new URL('../../../samples/strong-analysis.case.md', import.meta.url), 'utf8');
const word = (name: string) => new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u');

const family = `---
casemark: 1
case: The Jones family
author: Jo Smith
date: 2026-11-02
people:
  - {name: Kerry Jones, role: mother, age: 29}
pseudonyms:
  Marcus Reid: Dad
---

## Dilemma

Kerry Jones and Tyler Jones (born 14 March 2017) moved in 2025. Ms Jones says Tyler misses Marcus. The Jones family met me on 3 October 2026; Mr Reid came on 10/10/2026.

Nobody has yet asked the children what a good day looks like.

## Genogram

\`\`\`genogram
person kerry "Kerry Jones" female 29
person tyler "Tyler Jones" male 9 index note: Tyler likes football
person marcus "Marcus Reid" male 33
kerry + marcus separated 2020
tyler child of kerry + marcus  # Kerry's side
\`\`\`

## Hypotheses

- H1: Tyler may be missing his dad.
  - For: Tyler asked Kerry about Marcus. (source: Kerry, 2026-10-03)
  - Test: Ask Tyler what he would like to do with his dad.
`;

describe('shareable copies', () => {
  it('replaces every declared name, in prose, frontmatter, evidence and the genogram, which still draws', () => {
    const result = shareableCopy(strong);
    for (const name of ['Amy', 'Leo', 'Sara', 'Dan', 'Ewa', 'Sample worker']) assert.doesNotMatch(result.text, word(name), name);
    assert.match(result.text, /^---\nshareable: true\n/);
    const before = analyse(strong, { path: 'a.case.md' }).model;
    const after = result.analysis.model;
    assert.equal(after.hypotheses.length, before.hypotheses.length);
    assert.deepEqual(
      after.diagrams.map((d) => d.genogram.people.length),
      before.diagrams.map((d) => d.genogram.people.length),
    );
    assert.deepEqual(result.analysis.messages.filter((m) => m.ruleId.startsWith('genogram')), [], 'the genogram still validates');
    assert.deepEqual(result.mapping.map((m) => [m.original, m.pseudonym]), [
      ['Sample worker', 'Allocated worker'],
      ['Amy', 'Child A'],
      ['Leo', 'Child B'],
      ['Sara', 'Mother'],
      ['Dan', 'Father'],
      ['Grandma Ewa', 'Maternal grandmother'],
      ['Jan', 'Maternal grandfather'],
    ]);
    assert.match(result.text, /for training\. Child A \(8\), I am writing/, 'a child’s age at the first mention in the prose');
    assert.match(result.text, /person maternal-grandmother "Maternal grandmother" female born 1962/);
  });

  it('uses the writer’s own pseudonyms and leaves the key that maps them out of the copy', () => {
    const result = shareableCopy(family);
    assert.doesNotMatch(result.text, /pseudonyms|Marcus|Reid|Kerry|Tyler|Jones|Jo Smith/);
    assert.match(result.text, /Mother and Child A \(9\) \(aged 9\) moved in 2025\. Mother says Child A misses Dad\. The X family met me on October 2026; Dad came on 10\/2026\./);
    assert.match(result.text, /person mother "Mother" female 29\nperson child-a "Child A" male 9 index note: Child A likes football\nperson dad "Dad" male 33\nmother \+ dad separated 2020\nchild-a child of mother \+ dad {2}# Mother's side/);
    assert.match(result.text, /\(source: Mother, 2026-10\)/);
    assert.match(result.text, /^case: The X family$/m);
    assert.match(result.text, /^author: Allocated worker$/m);
    assert.match(result.text, /\nNobody has yet asked the children what a good day looks like\.\n/, 'text with no identifier is unchanged');
    assert.deepEqual(result.analysis.messages.filter((m) => m.ruleId === 'frontmatter-invalid' || m.ruleId.startsWith('genogram')), []);
  });

  it('shifts every date by one offset when asked, keeping each date’s style', () => {
    const result = shareableCopy(family, { dates: 'shift', shiftDays: -10 });
    assert.match(result.text, /met me on 23 September 2026; Dad came on 30\/09\/2026/);
    assert.match(result.text, /^date: 2026-10-23$/m);
    assert.match(result.text, /\(aged 9\)/, 'a date of birth is an age whatever happens to other dates');
    assert.equal(result.dates, 'Every exact date was moved by 10 days earlier.');
    assert.match(shareableCopy(family, { dates: 'keep' }).text, /met me on 3 October 2026/);
  });

  it('flags what it leaves, and the mapping document says it re-identifies the family', () => {
    const result = shareableCopy(`${family}\nThey live at 14 Cedar Road, E8 3PQ.\n`);
    assert.deepEqual(result.remaining.map((m) => m.reason.split('”')[0]), ['“14 Cedar Road', '“E8 3PQ']);
    const doc = mappingDocument(result, 'family.case.md');
    assert.match(doc, /This table re-identifies the family/);
    assert.match(doc, /\| Kerry Jones \| Mother \| mother \| Kerry Jones, Ms Jones, Kerry \|/);
  });

  it('never throws on odd input, and a file without frontmatter gets one', () => {
    for (const text of ['', 'plain words', '---\n: [\n---\n', '```genogram\nperson "unclosed\n```\n', `${'Amy '.repeat(3000)}`]) {
      const result = shareableCopy(text);
      assert.equal(typeof result.text, 'string');
    }
    assert.match(shareableCopy('Some notes.').text, /^---\ncasemark: 1\nshareable: true\n---\n\nSome notes\.$/);
  });

  it('replaces every name in a long file, the same as in its parts (each replacement once, none lost)', () => {
    const paragraph = 'Kerry Jones said Tyler misses Marcus; Ms Jones met me on 3 October 2026.\n\n';
    const long = shareableCopy(family + paragraph.repeat(3_000));
    const short = shareableCopy(family + paragraph);
    const replaced = short.text.trimEnd().split('\n').pop() ?? '';
    assert.match(replaced, /^Mother said .* on October 2026\.$/);
    assert.equal(long.incomplete, undefined);
    assert.equal(long.text.split(`${replaced}\n`).length - 1, 3_000, 'every repeat of the paragraph is replaced alike');
    assert.doesNotMatch(long.text, /Kerry|Tyler|Marcus|Jones/);
  });

  it('makes no copy, and says why, when the copy would take longer than the budget', () => {
    const paragraph = 'Kerry Jones said Tyler misses Marcus; Ms Jones met me on 3 October 2026.\n\n';
    const result = shareableCopy(family + paragraph.repeat(2_000), { budget: { timeSeconds: 0.05, memoryMb: 4096 } });
    assert.match(result.incomplete ?? '', /^1:1: CaseMark stopped after [\d.]+ s: checking it would take longer than the time budget of 0\.05 s/);
    assert.deepEqual(result.mapping, [], 'no mapping either');
  });
});
