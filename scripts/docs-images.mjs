// Renders the pictures in docs/ from the drawing code itself: `node scripts/docs-images.mjs` after a change to
// the drawing. The example is the block in docs/genogram.md; Chromium and playwright-core come from the test harness.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { ensureHarness } from '../test/harness/ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { parseDiagram, drawGenogram, svgText } = await tsImport('../src/core/genogram/index.ts', import.meta.url);
const doc = readFileSync(path.join(root, 'docs/genogram.md'), 'utf8');
const example = /````markdown\n```genogram\n([\s\S]*?)```\n````/.exec(doc)?.[1];
if (!example) throw new Error('docs/genogram.md: the first ````markdown example block is missing');
const drawing = drawGenogram(parseDiagram('genogram', example), { caseYear: 2026 });
const svg = svgText(drawing.svg, { standalone: true });

const harness = await ensureHarness();
const { chromium } = createRequire(import.meta.url)(harness.playwrightCore);
const browser = await chromium.launch({ executablePath: harness.chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage({ viewport: { width: Math.ceil(drawing.width), height: Math.ceil(drawing.height) }, deviceScaleFactor: 2 });
  await page.setContent(`<!doctype html><body style="margin:0;background:#fff">${svg}</body>`);
  const out = path.join(root, 'docs/images/genogram-example.png');
  writeFileSync(out, await page.locator('svg').screenshot());
  console.log(`wrote ${path.relative(root, out)} (${Math.ceil(drawing.width)}×${Math.ceil(drawing.height)})`);
} finally {
  await browser.close();
}
