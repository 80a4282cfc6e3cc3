// The getting-started walkthrough as package.json contributes it: the five steps a first-time user meets, each page
// shipped in the package, each button a command CaseMark registers, and nothing fetched from outside the machine.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sampleNames, walkthroughId } from '../../../src/extension/samples';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const registered = readFileSync('src/extension/extension.ts', 'utf8');
const ignore = readFileSync('.vscodeignore', 'utf8');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents: string[];
}

describe('the getting-started walkthrough', () => {
  const walkthrough = (manifest.contributes.walkthroughs ?? []).find((w: { id: string }) => w.id === walkthroughId);

  it('is contributed, with its five steps in the order a first hour takes', () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has CaseMark’s walkthrough');
    assert.deepEqual(
      walkthrough.steps.map((s: Step) => s.id),
      ['openSample', 'promptAndFix', 'genogram', 'viewpoint', 'exercise'],
    );
    assert.equal(walkthrough.when, undefined, 'shown to everyone, with no condition');
  });

  it('links only to commands CaseMark registers or VS Code has, with arguments CaseMark accepts', () => {
    for (const step of walkthrough.steps as Step[]) {
      const links = [...step.description.matchAll(/\(command:([\w.]+)(?:\?([^)]*))?\)/g)];
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const [, command, args] of links) {
        assert.ok(registered.includes(`registerCommand('${command}'`), `${step.id}: ${command} is registered`);
        if (args) for (const arg of JSON.parse(decodeURIComponent(args))) assert.ok((sampleNames as readonly string[]).includes(arg), `${arg} is a sample`);
      }
      // A step is done when its button's command has run.
      assert.ok(step.completionEvents.every((e) => links.some(([, c]) => e === `onCommand:${c}`)), `${step.id}: ${step.completionEvents.join()}`);
    }
  });

  it('has a page for every step, shipped in the package, that fetches nothing', () => {
    assert.match(ignore, /^!media\/walkthrough\/\*\*$/m);
    for (const step of walkthrough.steps as Step[]) {
      const page = step.media.markdown ?? '';
      assert.ok(page.startsWith('media/walkthrough/') && existsSync(page), `${step.id}: ${page}`);
      const text = readFileSync(page, 'utf8');
      assert.doesNotMatch(text, /https?:|<img|<script|!\[/i, `${page} loads nothing`);
      assert.match(text, /^# \S/, `${page} has a title`);
    }
    for (const name of sampleNames) assert.ok(existsSync(`samples/${name}.case.md`), name);
  });

  it('is opened by CaseMark on its first run (VS Code opens it only for an extension installed while it runs)', () => {
    assert.ok(manifest.activationEvents.includes('onStartupFinished'), 'CaseMark starts after the workbench, without a Markdown file open');
    assert.match(readFileSync('src/extension/walkthrough.ts', 'utf8'), /workbench\.action\.openWalkthrough/);
    assert.match(registered, /openWalkthroughOnFirstRun\(context\)/);
  });
});
