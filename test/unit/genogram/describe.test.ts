// A drawing other tools and screen readers can read: the data attributes on unions, sibships and relationships,
// the text version of the drawing, and McGoldrick's b./d. before years and ages drawn from birth years.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawGenogram, type SvgElement } from '../../../src/core/genogram/draw';
import { parseDiagram } from '../../../src/core/genogram/grammar';
import { layoutGenogram } from '../../../src/core/genogram/layout';
import { repoRoot } from './audit';

const family = (name: string): ReturnType<typeof parseDiagram> => parseDiagram('genogram', readFileSync(join(repoRoot, 'test/fixtures/genograms/hard', name), 'utf8'));

function groups(svg: SvgElement, cls: string): SvgElement[] {
  const out: SvgElement[] = [];
  const walk = (e: SvgElement): void => {
    if (e.tag === 'g' && String(e.attrs.class ?? '').split(/\s+/).includes(cls) && !String(e.attrs.class).includes('legend')) out.push(e);
    for (const c of e.children) if (typeof c !== 'string' && !String(c.attrs.class ?? '').includes('legend')) walk(c);
  };
  walk(svg);
  return out;
}

describe('genogram drawing for other tools and screen readers', () => {
  const genogram = family('mother-three-fathers-abuse.genogram');
  const drawing = drawGenogram(genogram);

  it('names the partners of every couple, the parents and children of every sibship, the ends of every relationship', () => {
    const unions = groups(drawing.svg, 'union');
    assert.equal(unions.length, genogram.unions.length);
    for (const u of genogram.unions) assert.ok(unions.some((g) => g.attrs['data-partners'] === u.partners.join(' ')), `a union of ${u.partners.join(' + ')}`);
    const sibships = groups(drawing.svg, 'sibship');
    assert.ok(sibships.some((g) => g.attrs['data-parents'] === 'kayleigh jamal' && g.attrs['data-children'] === 'mia tyler'), 'Mia and Tyler hang from Kayleigh and Jamal');
    const rels = groups(drawing.svg, 'relationship');
    assert.equal(rels.length, genogram.relationships.length);
    assert.ok(rels.some((g) => g.attrs['data-from'] === 'chris' && g.attrs['data-to'] === 'jayden' && g.attrs['data-direction'] === 'forward'));
  });

  it('says who is who, who lives with whom and each relationship in words', () => {
    const text = drawing.text ?? [];
    const section = (heading: string): string[] => text.find((s) => s.heading === heading)?.items ?? [];
    assert.deepEqual(text.map((s) => s.heading), ['People', 'Couples', 'Children', 'Households', 'Relationships']);
    assert.equal(section('People').length, genogram.people.length);
    assert.ok(section('People').includes('Generation 3: Mia: female, age 11, the child the case is about'), section('People').join('\n'));
    assert.ok(section('Couples').includes('Kayleigh Price and Jamal: living together since 2012, separated 2017'), section('Couples').join('\n'));
    assert.ok(section('Children').includes('Children of Kayleigh Price and Jamal, oldest first: Mia and Tyler'), section('Children').join('\n'));
    assert.ok(section('Households').includes("“Dad's flat”: Jamal, Keeley and Zion live together"), section('Households').join('\n'));
    assert.ok(section('Relationships').includes('Chris towards Jayden: physical abuse'), section('Relationships').join('\n'));
  });

  it('names identical twins as twins in the text', () => {
    const items = drawGenogram(family('twins-with-in-law.genogram')).text?.find((s) => s.heading === 'Children')?.items ?? [];
    assert.ok(items.some((i) => i.includes('(twins: Tim and Tom, identical)')), items.join('\n'));
  });

  it('writes b. and d. before years, and draws ages from birth years only when the case is dated', () => {
    const g = parseDiagram('genogram', 'person ewa female born 1950\nperson jan male born 1946 died 2001\nperson amy female born 2016\n');
    const undated = layoutGenogram(g);
    assert.deepEqual(undated.byKey.get('ewa')?.born?.lines, ['b. 1950']);
    assert.deepEqual(undated.byKey.get('jan')?.died?.lines, ['d. 2001']);
    assert.equal(undated.byKey.get('amy')?.age, undefined, 'no age without the case date');
    const dated = layoutGenogram(g, { caseYear: 2026 });
    assert.deepEqual(dated.byKey.get('amy')?.age?.lines, ['10']);
    assert.deepEqual(dated.byKey.get('ewa')?.age?.lines, ['76']);
    assert.equal(dated.byKey.get('jan')?.age, undefined, 'no age for someone who has died');
  });
});
