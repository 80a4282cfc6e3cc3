// The genogram and ecomap text grammar: every construct, every problem the reader reports, and where.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse } from '../../../src/core/index';
import { parseDiagram, parseDiagrams, type Genogram } from '../../../src/core/genogram/index';

const genogram = (text: string): Genogram => parseDiagram('genogram', text);
const ecomap = (text: string, known = genogram('').people): Genogram => parseDiagram('ecomap', text, { known });
const person = (g: Genogram, key: string) => {
  const found = g.people.find((p) => p.key === key);
  assert.ok(found, `${key} is in the genogram`);
  return found;
};
/** Rule id and place as line:startColumn-endColumn, lines and columns from 0 in the block. */
const problems = (g: Genogram) =>
  g.problems.map((p) => {
    const base = g.lineStarts[p.span.line] ?? 0;
    return `${p.ruleId} ${p.span.line}:${p.span.start - base}-${p.span.end - base}`;
  });

describe('genogram grammar', () => {
  describe('people', () => {
    it('reads gender words in any case and any order', () => {
      const g = genogram(
        ['person a female', 'PERSON b F', 'person c girl', 'person d Male', 'person e m', 'person f boy', 'person g non-binary', 'person h other', 'person i unknown', 'person j ?', 'person k'].join('\n'),
      );
      assert.deepEqual(
        g.people.map((p) => p.gender),
        ['female', 'female', 'female', 'male', 'male', 'male', 'other', 'other', 'unknown', 'unknown', 'unknown'],
      );
      assert.deepEqual(g.problems, []);
    });

    it('reads ages, birth years, deaths, index and pregnancies', () => {
      const g = genogram(
        [
          'person amy female 8 index',
          'person leo male age 3',
          'person baby 6 months',
          'person kit 9m',
          'person gran female born 1960',
          'person nan female b. 1958',
          'person pop male b.1955 d.2019',
          'person grandad male died 2019',
          'person uncle male deceased',
          'person p1 pregnancy',
          'person p2 miscarriage',
          'person p3 abortion',
          'person p4 stillborn',
          'person p5 1990',
        ].join('\n'),
      );
      assert.deepEqual(g.problems, []);
      assert.equal(person(g, 'amy').age, 8);
      assert.equal(person(g, 'amy').index, true);
      assert.equal(person(g, 'leo').age, 3);
      assert.equal(person(g, 'baby').age, 0.5);
      assert.equal(person(g, 'kit').age, 0.75);
      assert.equal(person(g, 'gran').born, 1960);
      assert.equal(person(g, 'nan').born, 1958);
      assert.deepEqual([person(g, 'pop').born, person(g, 'pop').deceased, person(g, 'pop').died], [1955, true, 2019]);
      assert.deepEqual([person(g, 'grandad').deceased, person(g, 'grandad').died], [true, 2019]);
      assert.deepEqual([person(g, 'uncle').deceased, person(g, 'uncle').died], [true, undefined]);
      assert.deepEqual(['p1', 'p2', 'p3', 'p4'].map((k) => person(g, k).pregnancy), ['pregnancy', 'miscarriage', 'termination', 'stillbirth']);
      assert.equal(person(g, 'p5').born, 1990, 'a bare four-digit number is a birth year');
    });

    it('reads display names, quoted ids and notes with their commas and colons', () => {
      const g = genogram(['person sara "Sara Jones" female 31 note: Polish, Catholic; came in 2012: speaks Polish', 'person "Mr K" male', 'person “Nan Rose” female', 'note sara: works nights'].join('\n'));
      assert.deepEqual(g.problems, []);
      assert.equal(person(g, 'sara').name, 'Sara Jones');
      assert.deepEqual(person(g, 'sara').notes, ['Polish, Catholic; came in 2012: speaks Polish', 'works nights']);
      assert.equal(person(g, 'mr k').name, 'Mr K');
      assert.equal(person(g, 'nan rose').name, 'Nan Rose', 'curly quotes work too');
    });

    it('draws a lower-case id with a capital, and keeps other ids as written', () => {
      const g = genogram('person amy\nperson P1\nperson mcDonald');
      assert.deepEqual(g.people.map((p) => p.name), ['Amy', 'P1', 'mcDonald']);
    });

    it('reads the key=value form of the domain sketch', () => {
      const g = genogram('person P1 sex=F age=32 index\nperson P2 sex=M\nunion P1 P2 type=married status=divorced from=2010 to=2018');
      assert.deepEqual(g.problems, []);
      assert.deepEqual([person(g, 'p1').gender, person(g, 'p1').age, person(g, 'p1').index], ['female', 32, true]);
      assert.deepEqual(g.unions.map((u) => [u.type, u.end, u.from, u.to]), [['married', 'divorced', 2010, 2018]]);
    });

    it('ignores comments and blank lines, but not a # inside a word', () => {
      const g = genogram('# the family\n\nperson amy female 8 # the child\nperson sara note: flat#2');
      assert.deepEqual(g.problems, []);
      assert.equal(person(g, 'amy').age, 8);
      assert.deepEqual(person(g, 'sara').notes, ['flat#2']);
    });
  });

  describe('couples', () => {
    it('reads +, & and union, with types, endings and years', () => {
      const g = genogram(
        [
          'person a', 'person b', 'person c', 'person d', 'person e',
          'a + b married 2010 divorced 2018',
          'a & c cohabiting since 2019',
          'union a d engaged',
          'b + e living together 2019-2021',
          'c + d',
          'd + e widowed 2020',
          'a+e separated',
        ].join('\n'),
      );
      assert.deepEqual(g.problems, []);
      assert.deepEqual(
        g.unions.map((u) => [u.partners.join('+'), u.type, u.end, u.from, u.to, u.order]),
        [
          ['a+b', 'married', 'divorced', 2010, 2018, 0],
          ['a+c', 'cohabiting', undefined, 2019, undefined, 1],
          ['a+d', 'engaged', undefined, undefined, undefined, 2],
          ['b+e', 'cohabiting', undefined, 2019, 2021, 3],
          ['c+d', 'partners', undefined, undefined, undefined, 4],
          ['d+e', 'married', 'widowed', undefined, 2020, 5],
          ['a+e', 'partners', 'separated', undefined, undefined, 6],
        ],
      );
    });

    it('refers to people by quoted display name as well as by id', () => {
      const g = genogram('person sara "Sara Jones"\nperson dan\n"Sara Jones" + Dan married');
      assert.deepEqual(g.problems, []);
      assert.deepEqual(g.unions[0]?.partners, ['sara', 'dan']);
    });
  });

  describe('children', () => {
    it('reads children of a couple and of one parent, in the order written', () => {
      const g = genogram('person s\nperson d\nperson a\nperson b\nperson c\na, b children of s + d\nc child of s');
      assert.deepEqual(g.problems, []);
      assert.deepEqual(g.children.map((c) => [c.child, c.parents.join('+'), c.kind]), [['a', 's+d', 'biological'], ['b', 's+d', 'biological'], ['c', 's', 'biological']]);
    });

    it('reads adopted, fostered and step children, and birth order', () => {
      const g = genogram(
        ['person s', 'person d', 'person r', 'person a', 'person b', 'person c', 'person e', 'a adopted child of s + d', 'foster child b of s and d', 'c step-child of r', 'child e of r step 2nd', 'a child of s order 3'].join('\n'),
      );
      assert.deepEqual(g.problems, []);
      assert.deepEqual(g.children.map((c) => [c.child, c.parents.join('+'), c.kind, c.order]), [
        ['a', 's+d', 'adopted', undefined],
        ['b', 's+d', 'fostered', undefined],
        ['c', 'r', 'step', undefined],
        ['e', 'r', 'step', 2],
        ['a', 's', 'biological', 3],
      ]);
    });

    it('reads twins on the children line or on a line of their own', () => {
      const g = genogram('person s\nperson d\nperson t1\nperson t2\nperson u1\nperson u2\ntwins t1 t2 of s + d identical\nu1, u2 children of s + d\ntwins u1 u2 non-identical');
      assert.deepEqual(g.problems, []);
      const twin = (k: string) => g.children.find((c) => c.child === k)?.twin;
      assert.equal(twin('t1')?.group, twin('t2')?.group);
      assert.equal(twin('t1')?.identical, true);
      assert.equal(twin('u1')?.group, twin('u2')?.group);
      assert.notEqual(twin('u1')?.group, twin('t1')?.group);
      assert.equal(twin('u2')?.identical, false);
    });
  });

  describe('relationships', () => {
    it('reads every kind, with direction from the arrow', () => {
      const lines = [
        'a -- b close',
        'a -- b very close',
        'a -- b fused',
        'a -- b distant',
        'a -- b conflictual',
        'a -- b hostile',
        'a -- b close hostile',
        'a -- b fused-hostile',
        'a -- b cut-off',
        'a -- b cut off repaired',
        'a -> b abuse physical',
        'a <- b emotional abuse',
        'a <-> b sexual abuse',
        'a -> b neglect',
        'rel a b distant',
        'a—b close',
      ];
      const g = genogram(`person a\nperson b\n${lines.join('\n')}`);
      assert.deepEqual(g.problems, []);
      assert.deepEqual(
        g.relationships.map((r) => [r.kind, r.abuse, r.direction]),
        [
          ['close', undefined, 'none'],
          ['fused', undefined, 'none'],
          ['fused', undefined, 'none'],
          ['distant', undefined, 'none'],
          ['conflictual', undefined, 'none'],
          ['hostile', undefined, 'none'],
          ['close-hostile', undefined, 'none'],
          ['fused-hostile', undefined, 'none'],
          ['cutoff', undefined, 'none'],
          ['cutoff-repaired', undefined, 'none'],
          ['abuse', 'physical', 'forward'],
          ['abuse', 'emotional', 'backward'],
          ['abuse', 'sexual', 'both'],
          ['abuse', 'neglect', 'forward'],
          ['distant', undefined, 'none'],
          ['close', undefined, 'none'],
        ],
      );
    });
  });

  describe('households', () => {
    it('reads who lives together, with or without a label', () => {
      const g = genogram('person a\nperson b\nperson c\nhousehold "Mum’s flat": a, b\nhousehold: b c');
      assert.deepEqual(g.problems, []);
      assert.deepEqual(g.households.map((h) => [h.label, h.members]), [['Mum’s flat', ['a', 'b']], [undefined, ['b', 'c']]]);
    });
  });

  describe('ecomaps', () => {
    it('reads the centre, systems and ties with strength, stress and direction', () => {
      const e = ecomap('family "The Jones household": sara, amy\nsystem school "Oakfield Primary" note: Year 4\nfamily <-> school strong\namy -> "Youth club" strong\npolice -> family tenuous stressful\nsara -- GP');
      assert.deepEqual(e.problems, []);
      assert.equal(e.centre?.label, 'The Jones household');
      assert.deepEqual(e.centre?.members, ['sara', 'amy']);
      assert.deepEqual(e.systems.map((s) => [s.key, s.name, s.declared, s.notes]), [
        ['school', 'Oakfield Primary', true, ['Year 4']],
        ['youth club', 'Youth club', false, []],
        ['police', 'police', false, []],
        ['gp', 'GP', false, []],
      ]);
      assert.deepEqual(e.ties.map((t) => [t.from, t.to, t.strength, t.stressful, t.direction]), [
        ['centre', 'school', 'strong', false, 'both'],
        ['amy', 'youth club', 'strong', false, 'forward'],
        ['police', 'centre', 'tenuous', true, 'forward'],
        ['sara', 'gp', 'normal', false, 'none'],
      ]);
    });

    it('borrows people from the file’s genograms, wherever the ecomap stands', () => {
      const [eco, gen] = parseDiagrams([
        { kind: 'ecomap', source: 'family: "Sara Jones", amy\namy -> school strong' },
        { kind: 'genogram', source: 'person sara "Sara Jones" female 31\nperson amy female 8 index' },
      ]);
      assert.deepEqual(eco?.problems, []);
      assert.equal(eco?.people.find((p) => p.key === 'sara')?.gender, 'female');
      assert.equal(eco?.people.find((p) => p.key === 'amy')?.index, true);
      assert.equal(gen?.people.length, 2);
    });
  });

  describe('problems, with places', () => {
    it('a line that fits no statement: the whole line, and what was expected', () => {
      const g = genogram('person amy\n  what is this');
      assert.deepEqual(problems(g), ['genogram-syntax 1:2-14']);
      assert.match(g.problems[0]?.message ?? '', /Expected a person \(person amy female 8\), a couple/);
    });

    it('a word a person line cannot use: that word, and the person still counts', () => {
      const g = genogram('person amy female blue 8');
      assert.deepEqual(problems(g), ['genogram-syntax 0:18-22']);
      assert.match(g.problems[0]?.message ?? '', /“blue”.*Expected a gender/);
      assert.equal(person(g, 'amy').age, 8);
    });

    it('a couple, a relationship and a tie with words they cannot use', () => {
      const g = genogram('person a\nperson b\na + b wobbly\na -- b\na -- b friendly');
      assert.deepEqual(problems(g), ['genogram-syntax 2:6-12', 'genogram-syntax 3:0-6', 'genogram-syntax 4:7-15']);
      assert.match(g.problems[1]?.message ?? '', /Say what the relationship is like/);
      const e = ecomap('family: a\nfamily -> school lovely');
      assert.deepEqual(problems(e), ['genogram-syntax 1:17-23']);
      assert.match(e.problems[0]?.message ?? '', /strong, normal, tenuous/);
    });

    it('incomplete lines: person without id, children without parents, a lone twin', () => {
      const g = genogram('person\namy child of\nperson x\ntwins x');
      assert.deepEqual(problems(g).map((p) => p.split(' ')[0]), ['genogram-syntax', 'genogram-syntax', 'genogram-syntax']);
      assert.match(g.problems[1]?.message ?? '', /Name one or two parents after “of”/);
      assert.match(g.problems[2]?.message ?? '', /Twins need two different ids/);
    });

    it('a duplicate id: at the second declaration, naming the first line; the first declaration wins', () => {
      const g = genogram('person amy female 8\nperson amy male 40');
      assert.deepEqual(problems(g), ['genogram-duplicate-id 1:7-10']);
      assert.match(g.problems[0]?.message ?? '', /already declared earlier in this block \(person amy female 8\)/);
      assert.equal(person(g, 'amy').gender, 'female');
    });

    it('an unknown person: every reference, with the closest id suggested, drawn as a placeholder', () => {
      const g = genogram('person ryan male\nperson amy\nrayn -- amy close\namy child of rayn');
      assert.deepEqual(problems(g), ['genogram-unknown-person 2:0-4', 'genogram-unknown-person 3:13-17']);
      assert.match(g.problems[0]?.message ?? '', /No one called “rayn”.*Did you mean “ryan”\?/);
      assert.equal(g.problems[0]?.replacement, 'ryan', 'and offers it as a fix');
      const quoted = genogram('person "Mr K" male\nperson amy\namy child of "Mr X"');
      assert.equal(quoted.problems[0]?.replacement, '"Mr K"');
      assert.equal(genogram('person amy\namy -- zebedee close').problems[0]?.replacement, undefined, 'no fix when nothing is close');
      assert.equal(person(g, 'rayn').declared, false);
      const notes = genogram('note zed: hello');
      assert.deepEqual(problems(notes), ['genogram-unknown-person 0:5-8']);
    });

    it('lines that name someone twice, and a quote left open', () => {
      const g = genogram('person a\nperson b\na + a married\na -- a close\nb child of a + a\ntwins b b\nperson c "Cee Jones female 8 index');
      assert.deepEqual(problems(g), ['genogram-syntax 2:0-13', 'genogram-syntax 3:0-12', 'genogram-syntax 4:15-16', 'genogram-syntax 5:0-9', 'genogram-syntax 6:9-34']);
      assert.match(g.problems[0]?.message ?? '', /two different people/);
      assert.match(g.problems[2]?.message ?? '', /named twice as a parent/);
      assert.match(g.problems[4]?.message ?? '', /no closing quote/);
      assert.equal(g.unions.length, 0);
      assert.equal(g.relationships.length, 0);
    });

    it('twins that have no parents yet', () => {
      const g = genogram('person a\nperson b\ntwins a b');
      assert.deepEqual(problems(g), ['genogram-syntax 2:6-7', 'genogram-syntax 2:8-9']);
    });

    it('a second family in an ecomap centre', () => {
      const e = ecomap('family: a\nfamily: b');
      assert.deepEqual(problems(e), ['genogram-syntax 1:0-9']);
    });
  });

  describe('places in the case file', () => {
    it('points into the file for a block at the top level, in a list and in a quote', () => {
      const text = [
        '---',
        'casemark: 1',
        '---',
        '',
        '```genogram',
        'person amy female 8 index',
        'blah',
        '```',
        '',
        '- A list item',
        '',
        '  ```genogram',
        '  person b index',
        '  b -- zed close',
        '  ```',
        '',
        '> ```ecomap',
        '> family: amy',
        '> family -> school lovely',
        '> ```',
        '',
      ].join('\n');
      const { messages, model } = analyse(text, { path: 'x.case.md' });
      const at = (ruleId: string) => messages.filter((m) => m.ruleId === ruleId).map((m) => `${m.line}:${m.column}-${m.place && 'end' in m.place ? `${m.place.end.line}:${m.place.end.column}` : ''}`);
      assert.deepEqual(at('genogram-syntax'), ['7:1-7:5', '19:20-19:26']);
      assert.deepEqual(at('genogram-unknown-person'), ['14:8-14:11']);
      assert.equal(model.diagrams.length, 3);
      assert.ok(model.people.some((p) => p.name === 'Amy' && p.origin === 'genogram' && p.isChild));
    });
  });

  describe('robustness', () => {
    it('reads any text without throwing, and every problem lies on a line of the block', () => {
      const words = fc.constantFrom('person', 'amy', '+', '--', '->', 'child', 'of', 'twins', '"', ',', ':', 'note', 'household', 'family', '#', '8', '1990', 'married', 'x', '=', '<->', 'close', 'system');
      fc.assert(
        fc.property(fc.array(fc.array(fc.oneof(words, fc.string()), { maxLength: 8 }).map((w) => w.join(' ')), { maxLength: 12 }), fc.boolean(), (lines, isEco) => {
          const text = lines.join('\n');
          const g = parseDiagram(isEco ? 'ecomap' : 'genogram', text);
          for (const p of g.problems) {
            assert.ok(p.span.line >= 0 && p.span.line < lines.length, 'on a line of the block');
            assert.ok(p.span.start <= p.span.end && p.span.end <= text.length, 'inside the text');
          }
        }),
        { numRuns: 300 },
      );
    });

    it('reads a block of 20,000 lines', () => {
      const lines = Array.from({ length: 20_000 }, (_, n) => (n % 2 === 0 ? `person p${n} female ${n % 90}` : `p${n - 1} + p${n - 3} married`));
      const g = genogram(lines.join('\n'));
      assert.equal(g.people.filter((p) => p.declared).length, 10_000);
      assert.equal(g.unions.length, 10_000);
    });
  });
});
