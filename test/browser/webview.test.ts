// The genogram preview's page (dist/webview/) in headless Chromium, under the same HTML and Content Security Policy
// the extension serves, with a stand-in for VS Code's webview API. Run by test/browser/run.mjs.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDiagram } from '../../src/core/genogram/index';
import type { FromWebview, PreviewBlock, ToWebview } from '../../src/shared/diagrams';
import { previewHtml } from '../../src/shared/preview-html';
import { artifacts, evil, webviewPage, type Page } from './page';

const genogram = [
  'person sara female 34',
  'person dan male 36',
  `person gran "${evil}" female 61`,
  'person amy "Amy" female 8 index',
  'person leo male 3',
  'sara + dan married 2014',
  'amy, leo children of sara + dan',
  'sara children of gran',
  'sara -- gran conflictual',
].join('\n');
const ecomap = ['family: sara, dan, amy, leo', 'system school "Oakfield Primary"', 'system gp "GP surgery"', 'family -> school strong', 'amy -> gp tenuous'].join('\n');
const blocks: PreviewBlock[] = [
  { kind: 'genogram', source: genogram, fenceLine: 12 },
  { kind: 'ecomap', source: ecomap, fenceLine: 30 },
];
const genogramPeople = parseDiagram('genogram', genogram).people;
const amyLine = genogramPeople.find((p) => p.key === 'amy')?.span.line;

describe('genogram preview page in Chromium', function () {
  const pages = webviewPage<ToWebview, FromWebview>({ html: previewHtml, files: ['preview.js', 'preview.css', 'genogram.css'], viewport: { width: 900, height: 700 } });
  let page: Page;

  async function openPage(bodyClass = 'vscode-light'): Promise<void> {
    page = await pages.open(bodyClass);
  }

  const { send, posted } = pages;

  async function update(version: number, list = blocks): Promise<void> {
    await send({ type: 'update', uri: 'file:///cases/family.case.md', fileName: 'family.case.md', version, blocks: list });
    await pages.waitForPost('rendered', version);
  }

  const transform = (block = 0) => page.evaluate((b) => (document.querySelector(`.casemark-block[data-block="${b}"] svg.casemark-drawing`) as SVGElement | null)?.style.transform ?? '', block);

  it('shows how to start a genogram when the file has none', async () => {
    await openPage();
    await update(1, []);
    await page.screenshot({ path: path.join(artifacts, 'genogram-preview-empty.png') });
    const text = await page.evaluate(() => document.querySelector('.casemark-empty')?.textContent ?? '');
    assert.match(text, /No genogram or ecomap here yet/);
    assert.match(text, /```genogram\nperson sara female 34/);
    assert.match(text, /family\.case\.md/);
  });

  it('draws every block under its heading, with the people as .person groups', async () => {
    await openPage();
    await update(1);
    await page.screenshot({ path: path.join(artifacts, 'genogram-preview-light.png') });
    const headings = await page.evaluate(() => [...document.querySelectorAll('.casemark-block h2')].map((h) => h.textContent));
    assert.deepEqual(headings, ['Genogram 1 (line 12)', 'Ecomap 1 (line 30)']);
    const people = await page.evaluate(() => document.querySelectorAll('.casemark-block[data-block="0"] svg .person[data-key]').length);
    assert.equal(people, genogramPeople.length, 'one .person group per person of the genogram');
    const report = (await posted()).find((m) => m.type === 'rendered');
    assert.ok(report && report.type === 'rendered');
    assert.deepEqual(report.blocks.map((b) => b.kind), ['genogram', 'ecomap']);
    assert.equal(report.blocks[0]?.problems, 0, 'the sample genogram reads without problems');
    assert.equal(report.blocks[1]?.problems, 0, 'the ecomap knows the genogram’s people');
  });

  it('shows a name that looks like HTML as text, never as markup', async () => {
    await openPage();
    await update(1);
    const found = await page.evaluate((name) => {
      const svg = document.querySelector('.casemark-block[data-block="0"] svg') as SVGElement;
      return {
        asText: (svg.textContent ?? '').includes(name),
        images: document.querySelectorAll('img, svg image').length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      };
    }, evil);
    assert.equal(found.asText, true, 'the name is in the drawing as text');
    assert.equal(found.images, 0, 'no img element');
    assert.equal(found.handlers, 0, 'no event handler attributes');
    await pages.assertNoDialog();
  });

  it('asks the editor to show the line of a person clicked, or chosen with the keyboard', async () => {
    await openPage();
    await update(1);
    await page.click('.casemark-block[data-block="0"] .person[data-key="amy"]');
    const reveal = (await posted()).find((m) => m.type === 'reveal');
    assert.deepEqual(reveal, { type: 'reveal', uri: 'file:///cases/family.case.md', version: 1, block: 0, line: amyLine });
    await page.focus('.casemark-block[data-block="0"] .person[data-key="sara"]');
    await page.keyboard.press('Enter');
    const reveals = (await posted()).filter((m) => m.type === 'reveal');
    assert.equal(reveals.length, 2);
    assert.equal(reveals[1]?.type === 'reveal' && reveals[1].line, 0, 'sara is on the block’s first line');
  });

  it('zooms and pans with the buttons, the keyboard, the wheel and a drag, and fits again', async () => {
    await openPage();
    await update(1);
    const fitted = await transform();
    assert.match(fitted, /^translate\(.+\) scale\(.+\)$/);
    await page.click('.casemark-block[data-block="0"] vscode-button[data-action="zoom-in"]');
    const zoomed = await transform();
    assert.notEqual(zoomed, fitted, 'zoom in changes the transform');
    const scale = (t: string) => Number(/scale\(([\d.]+)\)/.exec(t)?.[1]);
    assert.ok(scale(zoomed) > scale(fitted), `${zoomed} is larger than ${fitted}`);
    await page.click('.casemark-block[data-block="0"] vscode-button[data-action="zoom-out"]');
    assert.ok(scale(await transform()) < scale(zoomed), 'zoom out shrinks it');

    await page.focus('.casemark-block[data-block="0"] .casemark-viewport');
    await page.keyboard.press('+');
    const byKey = await transform();
    await page.keyboard.press('ArrowLeft');
    assert.notEqual(await transform(), byKey, 'arrow keys pan');
    await page.keyboard.press('0');
    assert.equal(await transform(), fitted, '0 fits again');

    const box = await page.evaluate(() => {
      const r = document.querySelector('.casemark-block[data-block="0"] .casemark-viewport')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    // Two drawings make the page scroll: the wheel zooms with Ctrl held, and scrolls the page without it.
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await page.waitForFunction((t: string) => (document.querySelector('.casemark-block[data-block="0"] svg.casemark-drawing') as SVGElement).style.transform !== t, fitted);
    assert.ok(scale(await transform()) > scale(fitted), 'Ctrl+wheel zooms in');

    const before = await transform();
    const revealsBefore = (await posted()).filter((m) => m.type === 'reveal').length;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    const dragged = await transform();
    assert.notEqual(dragged, before, 'a drag pans');
    assert.equal((await posted()).filter((m) => m.type === 'reveal').length, revealsBefore, 'a drag is not a click');

    await page.click('.casemark-block[data-block="0"] vscode-button[data-action="fit"]');
    assert.equal(await transform(), fitted, 'Fit returns to the fitted view');
  });

  it('keeps the zoom when the panel is hidden and shown again', async () => {
    await openPage();
    await update(1);
    await page.click('.casemark-block[data-block="0"] vscode-button[data-action="zoom-in"]');
    await page.click('.casemark-block[data-block="0"] vscode-button[data-action="zoom-in"]');
    const zoomed = await transform();
    // VS Code reloads a hidden webview's page when it is shown again; its state survives.
    await pages.reload();
    await update(1);
    assert.equal(await transform(), zoomed);
  });

  it('redraws as the text changes, keeping the drawing until the new one is ready', async () => {
    await openPage();
    await update(1);
    const more = [{ ...blocks[0], source: `${genogram}\nperson mia female 1\nmia children of sara + dan` } as PreviewBlock, blocks[1] as PreviewBlock];
    await update(2, more);
    const people = await page.evaluate(() => document.querySelectorAll('.casemark-block[data-block="0"] svg .person[data-key]').length);
    assert.equal(people, genogramPeople.length + 1);
    assert.equal(await page.evaluate(() => document.querySelectorAll('svg.casemark-drawing').length), 2, 'one drawing per block, the old ones replaced');
  });

  it('follows the theme: light, dark and high contrast colour the drawing differently', async () => {
    const colours: Record<string, string> = {};
    for (const bodyClass of ['vscode-light', 'vscode-dark', 'vscode-high-contrast']) {
      await openPage(bodyClass);
      await update(1);
      colours[bodyClass] = await page.evaluate(() => {
        const person = document.querySelector('.casemark-block[data-block="0"] .person[data-key]') as SVGGElement;
        const shapes = [...person.querySelectorAll('rect, circle, path, polygon, ellipse, line')];
        const shape = shapes.find((s) => getComputedStyle(s).stroke !== 'none') ?? shapes[0];
        const text = person.querySelector('text') ?? document.querySelector('.casemark-block[data-block="0"] svg text');
        return `${shape ? getComputedStyle(shape).stroke : 'no shape'} / ${text ? getComputedStyle(text).fill : 'no text'} / ${getComputedStyle(document.body).backgroundColor}`;
      });
      await page.screenshot({ path: path.join(artifacts, `genogram-preview-${bodyClass.replace('vscode-', '')}.png`) });
    }
    assert.notEqual(colours['vscode-light'], colours['vscode-dark'], JSON.stringify(colours));
    assert.notEqual(colours['vscode-dark'], colours['vscode-high-contrast'], JSON.stringify(colours));
    const stroke = (c = '') => c.split(' / ')[0];
    assert.notEqual(stroke(colours['vscode-light']), stroke(colours['vscode-dark']), `the person's outline follows the theme: ${JSON.stringify(colours)}`);
  });

  it('draws a PNG of a drawing for the export, through a canvas', async () => {
    await openPage();
    await update(1);
    await send({ type: 'renderPng', request: 7 });
    await pages.waitForPost('png');
    const answer = (await posted()).find((m) => m.type === 'png');
    assert.ok(answer && answer.type === 'png');
    assert.equal(answer.error, undefined);
    assert.equal(answer.request, 7);
    assert.deepEqual(answer.images.map((i) => i.block), [0, 1]);
    const png = Buffer.from(answer.images[0]?.data ?? '', 'base64');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
    assert.ok(png.readUInt32BE(16) > 0 && png.readUInt32BE(20) > 0, 'with a width and a height');
    writeFileSync(path.join(artifacts, 'genogram-export.png'), png);
  });
});
