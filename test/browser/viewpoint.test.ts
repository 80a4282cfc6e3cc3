// The alternative viewpoint's panel page (dist/webview/viewpoint.*) in headless Chromium, under the same HTML and
// Content Security Policy the extension serves, with a stand-in for VS Code's webview API. Run by test/browser/run.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyse, buildViewpoint, phrasesWith, type Viewpoint } from '../../src/core/index';
import { viewpointHtml } from '../../src/shared/preview-html';
import type { ViewpointFromWebview, ViewpointToWebview } from '../../src/shared/viewpoint-protocol';
import { artifacts, evil, root, webviewPage, type Page } from './page';

// A fictional case: one piece of evidence fits every hypothesis (not diagnostic), one looks like HTML.
const caseText = `---
casemark: 1
case: Family A (fictional)
people:
  - {name: Amy, role: child, age: 8}
  - {name: Sara, role: mother, age: 31}
  - {name: Dan, role: father, age: 35}
---

# Case analysis

## Hypotheses

- H1: Amy may be staying at home to keep her mum company.
  - For: Amy told me she "gets a tummy ache on Mondays". (source: Amy, 2026-10-14)
  - For: Amy has missed eleven days since September. (source: school)
  - Against: ${evil} (source: grandmother)
  - Test: Ask Amy, with her teacher, which days feel hard.
- H2: The family may be organising mornings around Dan's night shifts.
  - For: Amy has missed eleven days since September. (source: school)
  - Against: Sara says Dan is not usually at home in the mornings anyway. (source: Sara)
  - Test: Map a week of mornings with Sara.
- H3: I may be more comfortable talking with mothers than with fathers.
  - For: Amy has missed eleven days since September. (source: school)
  - For: All four of my conversations have been with Sara. (source: case record)
  - Test: Offer Dan an evening meeting.
`;

function sampleViewpoint(): Viewpoint {
  const analysis = analyse(caseText, { path: 'family.case.md' });
  const viewpoint = buildViewpoint(analysis, caseText, phrasesWith(analysis.config.viewpoint.phrases));
  // Bold leads are split by hand: markup inside them, and a marker with no partner, stay text.
  const position = viewpoint.sections.find((s) => s.id === 'position');
  position?.blocks.push({ kind: 'list', items: ['**<b onmouseover=alert(2)>Gran</b>**: what would she say? An odd ** marker stays.'] });
  return viewpoint;
}

const evidence = {
  tummy: 'Amy told me she "gets a tummy ache on Mondays"',
  missed: 'Amy has missed eleven days since September',
  evil,
  mornings: 'Sara says Dan is not usually at home in the mornings anyway',
  four: 'All four of my conversations have been with Sara',
};
const notesOrder = [evidence.tummy, evidence.missed, evidence.evil, evidence.mornings, evidence.four];

describe('alternative viewpoint panel page in Chromium', function () {
  const pages = webviewPage<ViewpointToWebview, ViewpointFromWebview>({ html: viewpointHtml, files: ['viewpoint.js', 'viewpoint.css'], viewport: { width: 1100, height: 850 } });
  const { posted } = pages;
  let page: Page;

  async function openPage(bodyClass = 'vscode-light'): Promise<void> {
    page = await pages.open(bodyClass);
  }

  async function update(version: number, viewpoint = sampleViewpoint()): Promise<void> {
    await pages.send({ type: 'update', uri: 'file:///cases/family.case.md', fileName: 'family.case.md', version, viewpoint });
    await pages.waitForPost('rendered', version);
  }

  const rowOrder = () => page.evaluate(() => [...document.querySelectorAll('table.vp-matrix tbody tr')].map((tr) => tr.querySelector('.vp-evidence')?.textContent ?? ''));
  const sortState = () => page.evaluate(() => [...document.querySelectorAll('table.vp-matrix thead th')].map((th) => th.getAttribute('aria-sort')));

  it('shows every section, and the matrix as a table with column and row headers, a caption and a key', async () => {
    await openPage();
    await update(1);
    const viewpoint = sampleViewpoint();
    const page1 = await page.evaluate(() => ({
      title: document.querySelector('h1')?.textContent,
      headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      columns: [...document.querySelectorAll('table.vp-matrix thead th')].map((th) => ({ scope: th.getAttribute('scope'), label: th.querySelector('.vp-label')?.textContent, button: th.querySelector('button')?.type })),
      rowHeaders: [...document.querySelectorAll('table.vp-matrix tbody tr')].map((tr) => tr.firstElementChild?.tagName + ':' + tr.firstElementChild?.getAttribute('scope')),
      caption: document.querySelector('table.vp-matrix caption')?.textContent ?? '',
      key: [...document.querySelectorAll('.vp-key dt')].map((d) => `${d.textContent} ${d.nextElementSibling?.textContent}`),
      firstRow: [...(document.querySelector('table.vp-matrix tbody tr')?.children ?? [])].map((c) => c.textContent),
      nonDiagnostic: [...document.querySelectorAll('tr.vp-nondiagnostic')].map((tr) => tr.querySelector('th')?.textContent),
      strong: [...document.querySelectorAll('.vp-section li strong')].map((s) => s.textContent),
    }));
    assert.equal(page1.title, 'Alternative viewpoint: Family A (fictional)');
    assert.deepEqual(page1.headings, viewpoint.sections.map((s) => s.heading));
    assert.deepEqual(page1.columns, ['Evidence', 'Source', 'H1', 'H2', 'H3'].map((label) => ({ scope: 'col', label, button: 'button' })));
    assert.deepEqual(page1.rowHeaders, Array(5).fill('TH:row'));
    assert.match(page1.caption, /^Competing hypotheses: 5 pieces of evidence \(rows\) by 3 hypotheses \(columns\); 1 row fits every hypothesis/);
    assert.deepEqual(page1.key, ['H1 Amy may be staying at home to keep her mum company', 'H2 The family may be organising mornings around Dan\'s night shifts', 'H3 I may be more comfortable talking with mothers than with fathers']);
    assert.deepEqual(page1.firstRow, [evidence.tummy, 'Amy', '✓ fits', '? not assessed', '? not assessed'], 'each mark is a word with a symbol');
    assert.deepEqual(page1.nonDiagnostic, [`${evidence.missed} fits every hypothesis: does not help to choose`], 'the non-diagnostic row is marked in words');
    assert.ok(page1.strong.includes('Dan'), `bold leads become <strong>: ${page1.strong.join(' | ')}`);
    assert.deepEqual(await rowOrder(), notesOrder);
    const report = (await posted()).find((m) => m.type === 'rendered');
    assert.deepEqual(report, { type: 'rendered', uri: 'file:///cases/family.case.md', version: 1, sections: viewpoint.sections.map((s) => s.id), columns: ['Evidence', 'Source', 'H1', 'H2', 'H3'], rows: 5 });
    await page.evaluate(() => document.querySelector('.vp-section-matrix')?.scrollIntoView());
    await page.screenshot({ path: path.join(artifacts, 'viewpoint-panel.png') });
    await page.screenshot({ path: path.join(artifacts, 'viewpoint-panel-full.png'), fullPage: true });
  });

  it('fits a narrow pane (430 px): the matrix as cards, nothing wider than the pane, its two buttons beside the title', async () => {
    await openPage();
    await page.setViewportSize({ width: 430, height: 900 });
    const strong = readFileSync(path.join(root, 'samples/strong-analysis.case.md'), 'utf8');
    const analysis = analyse(strong, { path: 'strong-analysis.case.md' });
    await update(1, buildViewpoint(analysis, strong, phrasesWith(analysis.config.viewpoint.phrases)));
    const layout = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('table.vp-matrix tbody tr')];
      const first = rows[0] as HTMLElement;
      return {
        pageWidth: document.documentElement.scrollWidth,
        rowDisplay: getComputedStyle(first).display,
        widest: Math.max(...[...document.querySelectorAll('#casemark-viewpoint *')].map((e) => e.getBoundingClientRect().right)),
        labels: [...first.querySelectorAll('td')].map((td) => td.getAttribute('data-label')),
        before: getComputedStyle(first.querySelector('td.vp-mark') as Element, '::before').content,
        cardsOneUnderAnother: rows.every((r, i) => i === 0 || r.getBoundingClientRect().top >= (rows[i - 1] as Element).getBoundingClientRect().bottom),
        keyAbove: (document.querySelector('.vp-key')?.getBoundingClientRect().bottom ?? 0) <= first.getBoundingClientRect().top,
        buttons: [...document.querySelectorAll('.vp-tools vscode-button')].map((b) => ({ text: b.textContent, right: b.getBoundingClientRect().right })),
      };
    });
    assert.ok(layout.pageWidth <= 430, `no sideways scrolling: the page is ${layout.pageWidth} px wide`);
    assert.ok(layout.widest <= 430, `nothing reaches past the pane: ${layout.widest} px`);
    assert.equal(layout.rowDisplay, 'block', 'each piece of evidence is a card');
    assert.ok(layout.cardsOneUnderAnother, 'cards one under another');
    assert.deepEqual(layout.labels, ['Source', 'H1', 'H2', 'H3', 'H4'], 'each line of a card says its column');
    assert.match(layout.before, /H1|attr\(data-label\)/, `the label is shown: ${layout.before}`);
    assert.ok(layout.keyAbove, 'the key to H1…H4 comes before the cards');
    assert.deepEqual(layout.buttons.map((b) => b.text), ['A−', 'A+', 'Open as Markdown', 'Insert into case file']);
    assert.ok(layout.buttons.every((b) => b.right <= 430), 'every button within the pane');
    await page.evaluate(() => document.querySelector('.vp-section-matrix')?.scrollIntoView());
    await page.screenshot({ path: path.join(artifacts, 'viewpoint-430px.png') });
    await page.screenshot({ path: path.join(artifacts, 'viewpoint-430px-full.png'), fullPage: true });
    // Wide again, it is a table again.
    await page.setViewportSize({ width: 1100, height: 850 });
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('table.vp-matrix tbody tr') as Element).display), 'table-row');
  });

  it('sorts by a column when its heading is clicked: ascending, descending, then the notes’ order', async () => {
    await openPage();
    await update(1);
    // H2: fits (missed), does not fit (mornings), then not assessed in the notes' order.
    await page.click('th[data-column="1"] button');
    assert.deepEqual(await rowOrder(), [evidence.missed, evidence.mornings, evidence.tummy, evidence.evil, evidence.four]);
    assert.deepEqual(await sortState(), ['none', 'none', 'none', 'ascending', 'none']);
    await page.click('th[data-column="1"] button');
    assert.deepEqual(await rowOrder(), [evidence.tummy, evidence.evil, evidence.four, evidence.mornings, evidence.missed]);
    assert.deepEqual(await sortState(), ['none', 'none', 'none', 'descending', 'none']);
    assert.equal(await page.evaluate(() => document.querySelector('.vp-sorted')?.textContent), 'Sorted by H2, descending.');
    await page.click('th[data-column="1"] button');
    assert.deepEqual(await rowOrder(), notesOrder);
    assert.deepEqual(await sortState(), ['none', 'none', 'none', 'none', 'none']);
    await page.click('th[data-column="source"] button');
    assert.deepEqual(
      await page.evaluate(() => [...document.querySelectorAll('table.vp-matrix tbody td.vp-source')].map((td) => td.textContent)),
      ['Amy', 'case record', 'grandmother', 'Sara', 'school'],
    );
  });

  it('sorts from the keyboard: the heading is a button', async () => {
    await openPage();
    await update(1);
    await page.focus('th[data-column="2"] button');
    await page.keyboard.press('Enter');
    assert.deepEqual(await rowOrder(), [evidence.missed, evidence.four, evidence.tummy, evidence.evil, evidence.mornings]);
    await page.keyboard.press('Space');
    assert.deepEqual((await sortState())[4], 'descending');
    // The sort survives the panel being hidden and shown (VS Code reloads the page) and a redraw as the file changes.
    await pages.reload();
    await update(2);
    assert.deepEqual((await sortState())[4], 'descending');
    assert.deepEqual(await rowOrder(), [evidence.tummy, evidence.evil, evidence.mornings, evidence.missed, evidence.four]);
  });

  it('shows text that looks like HTML as text, never as markup', async () => {
    await openPage();
    await update(1);
    const found = await page.evaluate((text) => {
      const cells = [...document.querySelectorAll('table.vp-matrix tbody th')].map((th) => th.querySelector('.vp-evidence')?.textContent);
      return {
        asText: cells.includes(text),
        gran: [...document.querySelectorAll('li strong')].some((s) => s.textContent === '<b onmouseover=alert(2)>Gran</b>'),
        oddMarker: [...document.querySelectorAll('li')].some((li) => (li.textContent ?? '').endsWith('An odd ** marker stays.')),
        images: document.querySelectorAll('img').length,
        bold: document.querySelectorAll('b').length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      };
    }, evil);
    assert.deepEqual(found, { asText: true, gran: true, oddMarker: true, images: 0, bold: 0, handlers: 0 });
    await pages.assertNoDialog();
  });

  it('asks the extension to insert or open the document, and makes the text larger', async () => {
    await openPage();
    await update(1);
    await page.click('vscode-button[data-action="insert"]');
    await page.click('vscode-button[data-action="open-document"]');
    const requests = (await posted()).filter((m) => m.type === 'insert' || m.type === 'openDocument');
    assert.deepEqual(requests, [{ type: 'insert' }, { type: 'openDocument' }]);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const before = await size();
    assert.ok(before >= 17, `large type by default: ${before}px`);
    await page.click('vscode-button[data-action="larger"]');
    assert.ok((await size()) > before, 'A+ makes the text larger');
  });

  it('follows the theme', async () => {
    const colours: Record<string, string> = {};
    for (const bodyClass of ['vscode-light', 'vscode-dark', 'vscode-high-contrast']) {
      await openPage(bodyClass);
      await update(1);
      colours[bodyClass] = await page.evaluate(() => `${getComputedStyle(document.body).backgroundColor} / ${getComputedStyle(document.querySelector('table.vp-matrix tbody th') as Element).color}`);
      await page.evaluate(() => document.querySelector('.vp-section-matrix')?.scrollIntoView());
      if (bodyClass !== 'vscode-light') await page.screenshot({ path: path.join(artifacts, `viewpoint-panel-${bodyClass.replace('vscode-', '')}.png`) });
    }
    assert.notEqual(colours['vscode-light'], colours['vscode-dark'], JSON.stringify(colours));
    assert.notEqual(colours['vscode-dark'], colours['vscode-high-contrast'], JSON.stringify(colours));
  });
});
