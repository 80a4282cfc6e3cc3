// The pseudonym mapping panel's page in headless Chromium, as the webview shows it: the table with its warning,
// its own style sheet under the strict policy, no script at all, and names from the case file shown only as text.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { shareableCopy } from '../../src/core/anonymise/share';
import { mappingHtml } from '../../src/shared/preview-html';
import { artifacts, evil, openStaticFile, root } from './page';

describe('pseudonym mapping panel in a real browser', function () {
  this.timeout(60_000);

  it('shows every name and its pseudonym as text, styled, with no script and nothing from elsewhere', async () => {
    const text = `---\ncasemark: 1\npeople:\n  - {name: Kerry Jones, role: mother, age: 29}\n  - {name: "${evil}", role: father}\n---\n\nKerry Jones and ${evil} met me.\n`;
    const result = shareableCopy(text);
    const dir = path.join(tmpdir(), `casemark-mapping-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(root, 'webview/mapping.css'), path.join(dir, 'mapping.css'));
    const file = path.join(dir, 'mapping.html');
    writeFileSync(file, mappingHtml({ cspSource: 'file:', base: pathToFileURL(dir).href }, `${evil}.case.md`, result.mapping, result.dates));
    const { page, requests, dialogs, close } = await openStaticFile(file, { width: 1000, height: 600 });
    try {
      const seen = await page.evaluate(() => ({
        rows: [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)),
        heading: document.querySelector('h1')?.textContent,
        warning: document.querySelector('.warning')?.textContent,
        scripts: document.scripts.length,
        images: document.images.length,
        styled: getComputedStyle(document.querySelector('table') as Element).borderCollapse,
        scopes: [...document.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col'),
      }));
      assert.deepEqual(seen.rows, [
        ['Kerry Jones', 'Mother'],
        [evil, 'Father'],
      ]);
      assert.equal(seen.heading, `Pseudonym mapping for ${evil}.case.md`);
      assert.match(seen.warning ?? '', /This table re-identifies the family/);
      assert.equal(seen.scripts, 0);
      assert.equal(seen.images, 0, 'a name is never markup');
      assert.equal(seen.styled, 'collapse', 'its own style sheet loads under the policy');
      assert.equal(seen.scopes, true);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'nothing loaded from elsewhere');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: path.join(artifacts, 'mapping-panel.png') });
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
