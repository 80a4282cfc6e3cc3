// Editing genogram blocks: completions in context, hover on an id, rename on every line; the pure core the editor
// adapter (src/extension/genogram-editing.ts) uses.
import assert from 'node:assert/strict';
import { analyse } from '../../../src/core/index';
import { completionsAt, hoverAt, hoverInFile, parseDiagram, parseDiagrams, renameEdits, renameTargetAt, type EditedBlock, type Genogram, type TextEdit } from '../../../src/core/genogram/index';

const lines = [
  'person sara female 31',
  'person dan male 33',
  'person amy "Amy" female 8 index',
  'person leo male 3',
  'person gran female 1960',
  'sara + dan married',
  'amy, leo children of sara + dan',
  'sara child of gran',
  'sara -- gran conflictual',
  'household: sara, dan, amy, leo',
  'note dan: works nights',
  'twins amy leo',
];
const block = (source: string, kind: Genogram['kind'] = 'genogram'): EditedBlock => ({ kind, source, genogram: parseDiagram(kind, source) });
const family = block(lines.join('\n'));

/** Labels offered with `typed` as a new last line, the cursor at its end. */
function offered(typed: string, base: EditedBlock = family): { from: number; labels: string[] } {
  const b = block(`${base.source}\n${typed}`, base.kind);
  const result = completionsAt(b, b.source.split('\n').length - 1, typed.length);
  return { from: result.from, labels: result.items.map((i) => i.label) };
}

describe('editing genogram blocks', () => {
  describe('completions', () => {
    it('at the start of a line: the kinds of line, and every id declared so far', () => {
      const { labels } = offered('');
      for (const word of ['person', 'household:', 'note', 'twins', 'sara', 'dan', 'amy', 'leo', 'gran']) assert.ok(labels.includes(word), word);
    });

    it('after + the ids (not the one already named), and after the second partner the couple types', () => {
      const partner = offered('sara + ').labels;
      assert.ok(partner.includes('dan') && !partner.includes('sara') && !partner.includes('married'), partner.join());
      const type = offered('sara + dan ');
      assert.deepEqual(type.labels, ['married', 'cohabiting', 'engaged', 'partners', 'separated', 'divorced', 'widowed']);
      // Part of a word typed: completions replace it, from where it starts.
      const typing = offered('sara + dan ma');
      assert.equal(typing.from, 'sara + dan '.length);
      assert.ok(typing.labels.includes('married'));
    });

    it('after -- the ids, then the relationship words', () => {
      assert.ok(offered('leo -- ').labels.includes('amy'));
      const kinds = offered('leo -- amy ').labels;
      for (const word of ['close', 'distant', 'conflictual', 'hostile', 'cut-off', 'abuse physical']) assert.ok(kinds.includes(word), word);
      assert.equal(kinds.includes('married'), false);
      assert.ok(offered('leo -> amy ').labels.includes('close'));
    });

    it('in a children line: ids before and after “of”, then adopted, fostered, step, twins', () => {
      assert.deepEqual(offered('amy, leo children ').labels, ['of']);
      assert.ok(offered('amy child of ').labels.includes('sara'));
      assert.ok(offered('amy child of sara + ').labels.includes('dan'));
      const kinds = offered('amy child of sara + dan ').labels;
      for (const word of ['adopted', 'fostered', 'step', 'twins']) assert.ok(kinds.includes(word), word);
    });

    it('after an id alone: +, --, child of, and more ids', () => {
      const next = offered('amy ').labels;
      for (const word of ['+', '--', 'child of', 'children of', 'leo']) assert.ok(next.includes(word), word);
    });

    it('on a person line: nothing for the new id, then the words a person line reads; in a household, the ids not yet listed', () => {
      assert.deepEqual(offered('person ').labels, []);
      assert.ok(offered('person mia ').labels.includes('female'));
      assert.ok(offered('person mia female ').labels.includes('index'));
      const members = offered('household: sara, ').labels;
      assert.ok(members.includes('dan') && !members.includes('sara'));
    });

    it('gives each id the person’s own line as detail, and nothing inside a comment', () => {
      const b = block(`${family.source}\n`);
      const dan = completionsAt(b, lines.length, 0).items.find((i) => i.label === 'dan');
      assert.equal(dan?.detail, 'person dan male 33');
      assert.deepEqual(offered('sara + dan # ma').labels, []);
    });

    it('in an ecomap: the family, systems and people after an arrow, then tie strengths', () => {
      const eco = block(['person amy female 8', 'system school "Oakfield"', 'family: amy'].join('\n'), 'ecomap');
      const ends = offered('family -> ', eco).labels;
      for (const word of ['family', 'school', 'amy']) assert.ok(ends.includes(word), word);
      assert.deepEqual(offered('family -> school ', eco).labels, ['strong', 'normal', 'tenuous', 'stressful']);
    });
  });

  describe('hover', () => {
    it('on an id on any line: the person’s line, age at the case’s year and relation to the index child', () => {
      const at = (line: number, word: string, nth = 0): number => {
        const starts = family.genogram.lineStarts;
        const text = lines[line] as string;
        let column = -1;
        for (let n = 0; n <= nth; n++) column = text.indexOf(word, column + 1);
        return (starts[line] as number) + column + 1;
      };
      const dan = hoverAt(family, at(5, 'dan'), 2026);
      assert.equal(dan?.summary, 'Dan (33), Amy’s father');
      assert.equal(dan?.line, 'person dan male 33');
      assert.equal(hoverAt(family, at(8, 'gran'), 2026)?.summary, 'Gran (66), Amy’s maternal grandmother');
      assert.equal(hoverAt(family, at(9, 'leo'), 2026)?.summary, 'Leo (3), Amy’s twin brother');
      assert.equal(hoverAt(family, at(2, 'amy'), 2026)?.summary, 'Amy (8), the index person');
      assert.equal(hoverAt(family, at(5, 'married'), 2026), undefined, 'not on a keyword');
    });

    it('in an ecomap, relates its people through the file’s genogram', () => {
      const file = ['---', 'casemark: 1', 'date: 2026-05-01', '---', '', '```genogram', ...lines, '```', '', '```ecomap', 'family: sara, amy', 'sara -> gp tenuous', '```', ''].join('\n');
      const analysis = analyse(file, { path: 'h.case.md' });
      const blocks = analysis.model.diagrams.map((d): EditedBlock => ({ kind: d.kind, source: d.source, genogram: d.genogram }));
      const sara = hoverInFile(blocks, 1, file.indexOf('sara -> gp') + 1, 2026);
      assert.equal(sara?.summary, 'Sara (31), Amy’s mother');
      assert.equal(sara?.line, 'person sara female 31', 'the line from the genogram');
      assert.equal(hoverInFile(blocks, 1, file.indexOf('gp tenuous') + 1, 2026), undefined, 'a system is not a person');
    });

    it('says “age not recorded” rather than guessing', () => {
      const b = block('person kim female index\nperson jo\nkim child of jo');
      assert.equal(hoverAt(b, (b.genogram.lineStarts[2] as number) + 14, 2026)?.summary, 'Jo (age not recorded), Kim’s parent');
    });
  });

  describe('rename', () => {
    const file = ['---', 'casemark: 1', '---', '', '```genogram', ...lines, '"Amy" -- leo close', '```', '', '```ecomap', 'family: sara, amy', 'amy -> school strong', '```', ''].join('\n');
    const analysis = analyse(file, { path: 'r.case.md' });
    const genograms = analysis.model.diagrams.map((d) => d.genogram);
    const apply = (edits: TextEdit[]): string => [...edits].sort((a, b) => b.start - a.start).reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), file);

    it('finds the id under the cursor on any line, and says why when there is none', () => {
      const offset = file.indexOf('amy, leo children') + 1;
      const target = renameTargetAt(genograms[0] as Genogram, offset);
      assert.equal(typeof target === 'object' && target.key, 'amy');
      assert.match(String(renameTargetAt(genograms[0] as Genogram, file.indexOf('married') + 2)), /Put the cursor on a person’s id/);
    });

    it('renames the id on every line of the block and in the file’s ecomap, leaving a line that names them by display name', () => {
      const edits = renameEdits(genograms, 'amy', 'amelia');
      assert.ok(Array.isArray(edits), String(edits));
      const renamed = apply(edits);
      assert.equal((renamed.match(/\bamelia\b/g) ?? []).length, 6, 'person, children, household, twins lines, and the ecomap’s two lines');
      assert.match(renamed, /"Amy" -- leo close/);
      assert.doesNotMatch(renamed, /\bamy\b/);
      // The renamed file reads as the same family: same links, same people, nothing unreadable.
      const again = analyse(renamed, { path: 'r.case.md' }).model.diagrams.map((d) => d.genogram);
      const shape = (gs: Genogram[], from: string, to: string) =>
        JSON.stringify(gs.map((g) => ({ people: g.people.map((p) => [p.key, p.index]), children: g.children.map((c) => [c.child, c.parents]), rels: g.relationships.map((r) => [r.from, r.to]), ties: g.ties.map((t) => [t.from, t.to]), problems: g.problems.length }))).replaceAll(`"${from}"`, `"${to}"`);
      assert.equal(shape(again, 'amelia', 'amy'), shape(genograms, 'amelia', 'amy'));
    });

    it('quotes an id with a space, and refuses a grammar word, a taken id, an empty one or one with +', () => {
      const edits = renameEdits(genograms, 'dan', 'Dan Smith');
      assert.ok(Array.isArray(edits));
      assert.ok(edits.every((e) => e.text === '"Dan Smith"'));
      assert.equal(parseDiagrams([{ kind: 'genogram', source: apply(edits).split('```genogram\n')[1]?.split('\n```')[0] ?? '' }])[0]?.problems.length, 0);
      assert.match(String(renameEdits(genograms, 'dan', 'foster')), /grammar/);
      assert.match(String(renameEdits(genograms, 'dan', 'Sara')), /already someone’s id/);
      assert.match(String(renameEdits(genograms, 'dan', '  ')), /empty/);
      assert.match(String(renameEdits(genograms, 'dan', 'a+b')), /more than one word/);
      assert.match(String(renameEdits(genograms, 'dan', '1990')), /number/);
    });
  });
});
