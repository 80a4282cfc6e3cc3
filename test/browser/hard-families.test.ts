// The hard genogram families (test/fixtures/genograms/hard) in the preview page in Chromium, at a 900 px wide
// preview: screenshots kept in test-artifacts/genograms/ to look at, the fit that keeps names readable (a big
// family is panned, not shrunk to 4 px text), and the text version a screen reader reads.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FromWebview, PreviewBlock, ToWebview } from '../../src/shared/diagrams';
import { previewHtml } from '../../src/shared/preview-html';
import { artifacts, root, webviewPage, type Page } from './page';

const folder = path.join(root, 'test/fixtures/genograms/hard');
const families = ['mother-three-fathers-abuse', 'half-siblings-both-sides', 'step-parents', 'foster-beside-birth', 'twins-with-in-law', 'cousin-marriage', 'four-generations-60', 'hundred-people'];
const shots = path.join(artifacts, 'genograms');

describe('hard genogram families in the preview page', function () {
  const pages = webviewPage<ToWebview, FromWebview>({ html: previewHtml, files: ['preview.js', 'preview.css', 'genogram.css'], viewport: { width: 900, height: 700 } });
  let page: Page;
  before(() => mkdirSync(shots, { recursive: true }));

  async function show(name: string, version: number): Promise<void> {
    const blocks: PreviewBlock[] = [{ kind: 'genogram', source: readFileSync(path.join(folder, `${name}.genogram`), 'utf8'), fenceLine: 1 }];
    await pages.send({ type: 'update', uri: `file:///cases/${name}.case.md`, fileName: `${name}.case.md`, version, blocks, caseYear: 2026 });
    await pages.waitForPost('rendered', version);
  }

  for (const [n, name] of families.entries()) {
    it(`draws ${name} with every person, readable at its fitted scale`, async () => {
      page = await pages.open('vscode-light');
      await show(name, n + 1);
      await page.screenshot({ path: path.join(shots, `${name}.png`) });
      const seen = await page.evaluate(() => {
        const svg = document.querySelector('svg.casemark-drawing') as SVGSVGElement;
        const scale = Number(/scale\(([\d.]+)\)/.exec(svg.style.transform)?.[1]);
        const name = svg.querySelector('.person[data-key] .name') as SVGTextElement | null;
        return { people: svg.querySelectorAll('.person[data-key]').length, scale, nameHeight: name ? name.getBoundingClientRect().height : 0 };
      });
      const expected = new Set([...readFileSync(path.join(folder, `${name}.genogram`), 'utf8').matchAll(/^person (\S+)/gm)].map((m) => m[1])).size;
      assert.equal(seen.people, expected, 'one person group per person');
      assert.ok(seen.scale >= 9 / 11 - 1e-3, `fitted at ${seen.scale}: names would be under 9 px`);
      assert.ok(seen.nameHeight >= 9, `a name is ${seen.nameHeight} px high on screen`);
    });
  }

  it('gives a screen reader the family in words: people, couples, children, households and relationships', async () => {
    page = await pages.open('vscode-light');
    await show('mother-three-fathers-abuse', 1);
    const text = await page.evaluate(() => {
      const details = document.querySelector('.casemark-text') as HTMLDetailsElement;
      details.open = true;
      return { headings: [...details.querySelectorAll('h3')].map((h) => h.textContent), items: [...details.querySelectorAll('li')].map((li) => li.textContent ?? '') };
    });
    await page.screenshot({ path: path.join(shots, 'text-version.png'), fullPage: true });
    assert.deepEqual(text.headings, ['Genogram 1: People', 'Genogram 1: Couples', 'Genogram 1: Children', 'Genogram 1: Households', 'Genogram 1: Relationships']);
    assert.ok(text.items.includes('Chris towards Jayden: physical abuse'), text.items.join('\n'));
    assert.ok(text.items.some((i) => i.startsWith('Generation 1: Linda Price: female, b. 1968') && i.includes('about 58 in 2026')), text.items.join('\n'));
  });
});
