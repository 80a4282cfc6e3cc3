// Drawings as data and as text: golden SVGs of the fixture families (UPDATE_GOLDEN=1 rewrites them), the
// element tree's promises (keys, lines, titles, accessible summary), escaping, and robustness on bad input.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { drawGenogram, escapeXml, svgText, type SvgElement } from '../../../src/core/genogram/draw';
import { parseDiagram } from '../../../src/core/genogram/grammar';
import { genogramCss } from '../../../src/core/genogram/style';
import type { Genogram, GenogramPerson } from '../../../src/core/genogram/types';
import { fixture, fixtureNames, fixtures, generateFamily } from './generate';

function parse(name: string): Genogram {
  return parseDiagram(name.endsWith('.ecomap') ? 'ecomap' : 'genogram', fixture(name));
}

function walk(element: SvgElement, visit: (e: SvgElement) => void): void {
  visit(element);
  for (const c of element.children) if (typeof c !== 'string') walk(c, visit);
}

function find(element: SvgElement, test: (e: SvgElement) => boolean): SvgElement[] {
  const out: SvgElement[] = [];
  walk(element, (e) => {
    if (test(e)) out.push(e);
  });
  return out;
}

function texts(element: SvgElement): string[] {
  const out: string[] = [];
  walk(element, (e) => {
    for (const c of e.children) if (typeof c === 'string') out.push(c);
  });
  return out;
}

const classOf = (e: SvgElement): string[] => String(e.attrs.class ?? '').split(/\s+/);

/** The key's entries as text (an entry may wrap over two lines). */
function keyEntries(svg: SvgElement): string[] {
  return find(svg, (e) => classOf(e).includes('legend-text')).map((e) => texts(e).join(' '));
}

function emptyGenogram(kind: Genogram['kind'] = 'genogram'): Genogram {
  return { kind, people: [], unions: [], children: [], relationships: [], households: [], systems: [], ties: [], problems: [], lineStarts: [0] };
}

function person(key: string, extra: Partial<GenogramPerson> = {}): GenogramPerson {
  return { key, id: key, name: key, gender: 'unknown', deceased: false, index: false, notes: [], declared: true, span: { line: 0, start: 0, end: 0 }, ...extra };
}

describe('genogram drawing', () => {
  describe('golden SVGs', () => {
    for (const name of fixtureNames()) {
      it(name, () => {
        const text = `${svgText(drawGenogram(parse(name)).svg, { standalone: true })}\n`;
        const golden = new URL(name.replace(/\.(genogram|ecomap)$/, '.svg'), fixtures);
        if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, text);
        assert.equal(text, readFileSync(golden, 'utf8'), `${name} drew differently: view it, and if it is right, run with UPDATE_GOLDEN=1`);
      });
    }
  });

  describe('the element tree', () => {
    it('gives each person a group with key, line, class and a title with name, age and notes', () => {
      const genogram = parse('two-parents-three-children.genogram');
      const { svg } = drawGenogram(genogram);
      const groups = find(svg, (e) => e.tag === 'g' && classOf(e).includes('person'));
      assert.equal(groups.length, genogram.people.length);
      const jo = groups.find((g) => g.attrs['data-key'] === 'jo')!;
      assert.equal(jo.attrs['data-line'], genogram.people.find((p) => p.key === 'jo')!.span.line);
      const title = jo.children[0] as SvgElement;
      assert.equal(title.tag, 'title');
      assert.match(String(title.children[0]), /^Joanne Evans, age 39\nworks nights$/);
      assert.ok(classOf(groups.find((g) => g.attrs['data-key'] === 'sam')!).includes('index'));
    });

    it('has a sized, labelled root', () => {
      const { svg, width, height } = drawGenogram(parse('three-generations.genogram'));
      assert.equal(svg.tag, 'svg');
      assert.equal(svg.attrs.viewBox, `0 0 ${width} ${height}`);
      assert.equal(svg.attrs.width, width);
      assert.equal(svg.attrs.height, height);
      assert.equal(svg.attrs.role, 'img');
      assert.match(String(svg.attrs['aria-label']), /^Genogram of 9 people over 3 generations; the child the case is about is Sophie; 3 couples; 3 emotional relationships\.$/);
    });

    it('shows in the key only the symbols used', () => {
      const key = (name: string): string[] => keyEntries(drawGenogram(parse(name)).svg);
      const simple = key('two-parents-three-children.genogram');
      assert.ok(simple.includes('Married') && simple.includes('Male') && simple.includes('Female'));
      for (const unused of ['Divorced (two slashes)', 'Died', 'Twins', 'Conflictual', 'Step-child', 'Pregnancy']) assert.ok(!simple.includes(unused), unused);
      const blended = key('blended-family.genogram');
      assert.ok(blended.includes('Divorced (two slashes)') && blended.includes('Step-child') && blended.includes('Household: Walsh home'));
      const foster = key('adoption-fostering.genogram');
      assert.ok(foster.includes('Adopted child') && foster.includes('Foster child') && foster.includes('Cut off'));
      assert.equal(find(drawGenogram(parse('twins.genogram'), { legend: false }).svg, (e) => classOf(e).includes('legend')).length, 0);
    });

    it('styles only through classes: no colours in the tree', () => {
      const { svg } = drawGenogram(parse('adult-partner.genogram'));
      walk(svg, (e) => {
        for (const k of ['fill', 'stroke', 'style', 'color']) assert.ok(!(k in e.attrs), `${e.tag} has ${k}`);
      });
    });

    it('draws every kind of symbol, line and relationship the notation has', () => {
      const text = [
        'person m male 40 index',
        'person f female 38 died 2020 born 1980',
        'person o other 20',
        'person u unknown',
        'person p pregnancy',
        'person mc miscarriage',
        'person t termination',
        'person s male stillbirth',
        'm + f married 2000 widowed 2020',
        'm + o engaged',
        'f + u cohabiting separated',
        'p, mc, t, s children of m + f',
        'o -- u close',
        'm -- o fused',
        'f -- o distant',
        'm -- u hostile',
        'f -- u close hostile',
        'm -- p fused hostile',
        'o -- p cut-off',
        'u -- p cut-off repaired',
        'm -> u abuse emotional',
        'f -> o abuse sexual',
        'm <-> f abuse neglect',
        'ghost -- m close',
      ].join('\n');
      const { svg } = drawGenogram(parseDiagram('genogram', text));
      const classes = new Set<string>();
      walk(svg, (e) => classOf(e).forEach((c) => classes.add(c)));
      for (const c of ['shape-square', 'shape-circle', 'shape-other', 'shape-diamond', 'shape-triangle', 'shape-miscarriage', 'shape-termination', 'shape-stillbirth', 'index-outline', 'deceased-mark', 'placeholder']) {
        assert.ok(classes.has(c), c);
      }
      for (const c of ['union-married', 'union-engaged', 'union-cohabiting', 'union-separated', 'union-widowed']) assert.ok(classes.has(c), c);
      for (const c of ['rel-close', 'rel-fused', 'rel-distant', 'rel-hostile', 'rel-close-hostile', 'rel-fused-hostile', 'rel-cutoff', 'rel-cutoff-repaired', 'abuse-emotional', 'abuse-sexual', 'abuse-neglect', 'rel-arrow']) {
        assert.ok(classes.has(c), c);
      }
      const relationships = find(svg, (e) => classOf(e).includes('relationships'))[0]!;
      const arrows = find(relationships, (e) => classOf(e).includes('rel-arrow') && e.tag === 'path');
      assert.equal(arrows.length, 4, 'one arrow each for -> and two for <->');
      const legend = keyEntries(svg);
      for (const entry of ['Another gender (non-binary, trans)', 'Gender not known', 'Named but not declared', 'Miscarriage', 'Termination', 'Stillbirth', 'Engaged', 'Widowed (wid. and year)', 'Emotional abuse (arrow: towards whom)']) {
        assert.ok(legend.includes(entry), entry);
      }
    });
  });

  describe('text', () => {
    it('escapes names, notes and labels: markup in a name stays text', () => {
      const genogram = parseDiagram('genogram', 'person x "<img src=x onerror=alert(1)>" female 30 note: <script>alert("n")</script> & more\nperson y male\nx + y married');
      const { svg } = drawGenogram(genogram);
      assert.ok(texts(svg).some((t) => t.startsWith('<img src=x onerror=alert(1)>, age 30')), 'a plain text node in the tree (the title)');
      for (const options of [{}, { standalone: true }]) {
        const text = svgText(svg, options);
        assert.ok(!text.includes('<img'), 'no <img in the SVG text');
        assert.ok(!text.includes('<script'), 'no <script in the SVG text');
        assert.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;'));
      }
      assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    });

    it('escapes attribute values and refuses bad tag and attribute names', () => {
      const text = svgText({ tag: 'g', attrs: { 'data-key': '"><script>', 'on click': 'x', 'bad"name': 1 }, children: [{ tag: 'script><x', attrs: {}, children: ['<b>'] }] });
      assert.equal(text, '<g data-key="&quot;&gt;&lt;script&gt;"><g>&lt;b&gt;</g></g>');
    });

    it('makes standalone files with the namespace and the style sheet', () => {
      const text = svgText(drawGenogram(parse('twins.genogram')).svg, { standalone: true });
      assert.ok(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
      assert.ok(text.includes('<style>') && text.includes('--vscode-editor-foreground'));
      assert.ok(!svgText(drawGenogram(parse('twins.genogram')).svg).includes('<style>'));
    });

    it('has a style sheet that follows the theme and handles high contrast', () => {
      assert.match(genogramCss, /stroke: var\(--vscode-editor-foreground, #1f1f1f\)/);
      assert.match(genogramCss, /var\(--vscode-editor-background, #ffffff\)/);
      assert.match(genogramCss, /\.vscode-high-contrast [^{]*\{[^}]*--vscode-contrastBorder/);
      assert.ok(!/[<>"]/.test(genogramCss), 'nothing that needs escaping inside <style>');
    });

    it('draws the same text every time', () => {
      const { genogram } = generateFamily(5, 60);
      assert.equal(svgText(drawGenogram(genogram).svg), svgText(drawGenogram(structuredClone(genogram)).svg));
    });
  });

  describe('robustness', () => {
    const drawsSomething = (genogram: Genogram, label: string): string => {
      const drawing = drawGenogram(genogram);
      const text = svgText(drawing.svg, { standalone: true });
      assert.ok(drawing.width > 0 && drawing.height > 0 && Number.isFinite(drawing.width) && Number.isFinite(drawing.height), label);
      assert.ok(text.length > 200, label);
      assert.ok(!/NaN|Infinity|undefined/.test(text), `${label}: ${text.match(/.{40}(NaN|Infinity|undefined).{40}/)?.[0]}`);
      return text;
    };

    it('says there is nothing to draw yet, rather than drawing nothing', () => {
      for (const kind of ['genogram', 'ecomap'] as const) {
        const text = drawsSomething(emptyGenogram(kind), kind);
        assert.ok(text.includes('Nothing to draw yet'));
      }
      assert.ok(drawsSomething(parseDiagram('genogram', '# only a comment\n'), 'comment').includes('Nothing to draw yet'));
    });

    it('draws undeclared people as placeholders', () => {
      const genogram = parseDiagram('genogram', 'amy child of sara + dan');
      const text = drawsSomething(genogram, 'undeclared');
      assert.equal((text.match(/class="person [^"]*placeholder/g) ?? []).length, 3);
      // Even when a hand-made Genogram names people it never lists.
      const bare = emptyGenogram();
      bare.children.push({ child: 'c', parents: ['a', 'b'], kind: 'biological', span: { line: 0, start: 0, end: 0 } });
      bare.relationships.push({ from: 'c', to: 'z', kind: 'close', direction: 'none', span: { line: 1, start: 0, end: 0 } });
      bare.households.push({ members: ['a', 'q'], span: { line: 2, start: 0, end: 0 } });
      assert.equal(drawGenogram(bare).layout?.people.length, 5);
    });

    it('draws cycles, 3+ parents, unions with self and duplicate couples', () => {
      const cases: Record<string, string> = {
        'own parent': 'person a female 30\na child of a',
        'own grandparent': 'person a female 30\nperson b male 20\nb child of a\na child of b',
        'long cycle': 'person a\nperson b\nperson c\nperson d\nb child of a\nc child of b\nd child of c\na child of d + c',
        'married to own child': 'person a female 50\nperson b male 20\nb child of a\na + b married\nperson c\nc child of a + b',
        'three parents': 'person a\nperson b\nperson c\nperson k\nk child of a + b + c',
        'union with self': 'person a\na + a married\nperson k\nk child of a + a',
        'twice married': 'person a male\nperson b female\na + b married 1990 divorced 1995\na + b married 2000\nperson k\nk child of a + b',
        'partner ring': 'person a\nperson b\nperson c\na + b\nb + c\nc + a\nperson k\nk child of a + c',
        'many partners': ['person x female', ...Array.from({ length: 7 }, (_, i) => `person m${i} male\nx + m${i} partners\nperson k${i}\nk${i} child of x + m${i}`)].join('\n'),
        'twins alone': 'person a\nperson b\ntwins a b identical',
      };
      for (const [label, text] of Object.entries(cases)) drawsSomething(parseDiagram('genogram', text), label);
      // Hand-made data the grammar would not write: missing arrays, empty keys, parents that are the child.
      const odd = { ...emptyGenogram(), people: [person('a'), person('a'), person('')], unions: [{ partners: ['a', ''], type: 'married', order: 0, span: { line: 0, start: 0, end: 0 } }], households: undefined, relationships: undefined } as unknown as Genogram;
      odd.children = [{ child: 'a', parents: ['a', 'a'], kind: 'biological', span: { line: 0, start: 0, end: 0 } }];
      drawsSomething(odd, 'odd');
    });

    it('draws 300+ people in good time', function () {
      this.timeout(30_000);
      const { genogram } = generateFamily(7, 320);
      const start = performance.now();
      drawsSomething(genogram, '320 people');
      assert.ok(performance.now() - start < 5000);
    });

    it('draws whatever the grammar reads from any text (fast-check)', function () {
      this.timeout(60_000);
      const ids = ['amy', 'dan', 'sara', 'leo', '"Sara Jones"', 'x', 'family', 'school'];
      const words = ['female', 'male', 'other', 'unknown', '8', '31', 'born', '1960', 'died', '2019', 'index', 'pregnancy', 'miscarriage', 'stillbirth', 'termination', 'married', 'cohabiting', 'engaged', 'divorced', 'separated', 'widowed', 'adopted', 'fostered', 'step-child', 'identical', 'close', 'fused', 'hostile', 'conflictual', 'distant', 'cut-off', 'repaired', 'abuse', 'physical', 'strong', 'tenuous', 'stressful', 'order', '2'];
      const connectors = ['+', '--', '->', '<-', '<->', 'child of', 'children of', ',', 'of', 'twins', 'household:', 'family:', 'person', 'system', 'note:'];
      const token = fc.oneof(fc.constantFrom(...ids), fc.constantFrom(...words), fc.constantFrom(...connectors), fc.string({ maxLength: 6 }));
      const line = fc.array(token, { minLength: 1, maxLength: 8 }).map((t) => t.join(' '));
      fc.assert(
        fc.property(fc.array(line, { maxLength: 25 }), fc.boolean(), (lines, ecomap) => {
          const genogram = parseDiagram(ecomap ? 'ecomap' : 'genogram', lines.join('\n'));
          const text = svgText(drawGenogram(genogram).svg, { standalone: true });
          assert.ok(text.startsWith('<svg') && text.length > 200);
          assert.ok(!/NaN|Infinity/.test(text));
        }),
        { numRuns: 150, seed: 42 },
      );
    });
  });

  describe('ecomap', () => {
    it('puts the family in the centre and the systems on a ring, with ties between edges', () => {
      const genogram = parse('ecomap.ecomap');
      const drawing = drawGenogram(genogram);
      const ecomap = drawing.ecomap!;
      const { cx, cy, r } = ecomap.centre;
      assert.deepEqual(ecomap.centre.members.map((m) => m.key), ['sara', 'ryan', 'amy', 'leo']);
      for (const m of ecomap.centre.members) assert.ok(Math.hypot(m.cx - cx, m.cy - cy) + m.half < r, `${m.key} inside`);
      const radii = ecomap.systems.map((s) => Math.hypot(s.cx - cx, s.cy - cy));
      for (const d of radii) assert.ok(Math.abs(d - radii[0]!) < 0.5 && d > r + 40, 'on one ring, outside the circle');
      for (let i = 0; i < ecomap.systems.length; i++) {
        for (let j = i + 1; j < ecomap.systems.length; j++) {
          const a = ecomap.systems[i]!;
          const b = ecomap.systems[j]!;
          assert.ok(Math.hypot(a.cx - b.cx, a.cy - b.cy) > a.r + b.r, `${a.system.key} and ${b.system.key} apart`);
        }
      }
      assert.equal(ecomap.ties.length, genogram.ties.length);
      // A system tied to one member sits on that member's side.
      const amy = ecomap.centre.members.find((m) => m.key === 'amy')!;
      const club = ecomap.systems.find((s) => s.system.key === 'youth club')!;
      assert.ok((amy.cx - cx) * (club.cx - cx) > 0 && (amy.cy - cy) * (club.cy - cy) > 0, 'youth club on Amy’s side');
      const groups = find(drawing.svg, (e) => classOf(e).includes('system'));
      assert.ok(groups.every((g) => typeof g.attrs['data-key'] === 'string' && typeof g.attrs['data-line'] === 'number'));
      assert.match(String(drawing.svg.attrs['aria-label']), /^Ecomap: The Jones household \(4 people\) and 8 systems; 8 ties\.$/);
    });

    it('draws ties with strength, stress and direction', () => {
      const { svg } = drawGenogram(parse('ecomap.ecomap'));
      const tie = (cls: string): SvgElement[] => find(svg, (e) => e.tag === 'g' && classOf(e).includes(cls));
      assert.ok(tie('tie-strong').length >= 3 && tie('tie-tenuous').length === 1 && tie('tie-stressful').length === 3);
      assert.ok(find(svg, (e) => classOf(e).includes('tie-hatch')).length > 0);
      assert.ok(find(svg, (e) => classOf(e).includes('tie-arrow')).length >= 6);
    });
  });
});
