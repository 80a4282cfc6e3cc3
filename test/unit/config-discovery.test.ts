// Finding a case file's settings: the one stop rule the CLI and the editor share (src/core/config/discover.ts).
import assert from 'node:assert/strict';
import { parentFolder, joinPath } from '../../src/core/config/discover';
import { SettingsFinder, type SettingsFileSystem } from '../../src/core/index';

/** A file system of the given files (path → text) and folders; counts reads. */
function memory(files: Record<string, string>, folders: string[] = []): SettingsFileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readText: (path) => {
      reads.push(path);
      return Promise.resolve(files[path]);
    },
    exists: (path) => Promise.resolve(path in files || folders.includes(path)),
  };
}

const settings = (minimum: number) => `rules:\n  hypotheses-too-few: {minimum: ${minimum}}\n`;

// Paths here are in an in-memory file system (memory()), not on this machine.
describe('config discovery: one stop rule', () => {
  it('takes the nearest settings file above the case file', async () => {
    const finder = new SettingsFinder(memory({ '/unit/.casemark.yaml': settings(2), '/unit/team/.casemark.json': '{"rules": {"hypotheses-too-few": {"minimum": 4}}}' }));
    assert.equal((await finder.find('/unit/team/cases'))?.path, '/unit/team/.casemark.json');
    assert.equal((await finder.find('/unit/other'))?.path, '/unit/.casemark.yaml');
    assert.deepEqual((await finder.find('/unit/other'))?.config, { rules: { 'hypotheses-too-few': { minimum: 2 } } });
  });

  it('prefers .casemark.json, then .casemark.yaml, then .casemark.yml in one folder', async () => {
    const finder = new SettingsFinder(memory({ '/p/.casemark.yml': settings(1), '/p/.casemark.yaml': settings(2) }));
    assert.equal((await finder.find('/p'))?.path, '/p/.casemark.yaml');
  });

  it('stops at the folder holding .git: its own settings count, those above it do not', async () => {
    const above = { '/home/.casemark.yaml': settings(2) };
    assert.equal(await new SettingsFinder(memory(above, ['/home/repo/.git'])).find('/home/repo/cases'), undefined);
    assert.equal((await new SettingsFinder(memory({ ...above, '/home/repo/.casemark.yaml': settings(3) }, ['/home/repo/.git'])).find('/home/repo/cases'))?.path, '/home/repo/.casemark.yaml');
    // Without a repository the walk goes on to the root.
    assert.equal((await new SettingsFinder(memory(above)).find('/home/repo/cases'))?.path, '/home/.casemark.yaml');
    assert.equal((await new SettingsFinder(memory({ '/.casemark.json': '{}' })).find('/a/b/c'))?.path, '/.casemark.json');
  });

  it('stops at the boundary (the workspace folder), and outside it looks only in the file\'s own folder', async () => {
    const files = memory({ '/home/.casemark.yaml': settings(2), '/elsewhere/.casemark.yaml': settings(5) });
    const finder = new SettingsFinder(files);
    assert.equal(await finder.find('/home/ws/cases', '/home/ws'), undefined);
    assert.equal(await finder.find('/home/ws', '/home/ws/'), undefined);
    assert.equal((await finder.find('/elsewhere', '/elsewhere'))?.path, '/elsewhere/.casemark.yaml');
    assert.equal(await finder.find('/elsewhere/sub', '/home/ws'), undefined);
  });

  it('reports the settings file\'s own problems with it', async () => {
    const found = await new SettingsFinder(memory({ '/p/.casemark.yaml': 'rules:\n  no-such-rule: off\n' })).find('/p/q');
    assert.equal(found?.problems.length, 1);
    assert.match(found?.problems[0]?.message ?? '', /Unknown rule “no-such-rule”/);
  });

  it('remembers each folder until cleared', async () => {
    const files = memory({ '/p/.casemark.yaml': settings(2) });
    const finder = new SettingsFinder(files);
    await finder.find('/p/q');
    const reads = files.reads.length;
    await finder.find('/p/q');
    assert.equal(files.reads.length, reads);
    finder.clear();
    await finder.find('/p/q');
    assert.ok(files.reads.length > reads);
  });

  it('passes on a read that fails for another reason than a missing file', async () => {
    const failing: SettingsFileSystem = { readText: () => Promise.reject(new Error('EACCES')), exists: () => Promise.resolve(false) };
    await assert.rejects(new SettingsFinder(failing).find('/p'), /EACCES/);
  });

  it('walks Windows and POSIX paths up to their roots', () => {
    assert.equal(parentFolder('/a/b'), '/a');
    assert.equal(parentFolder('/a'), '/');
    assert.equal(parentFolder('/'), undefined);
    assert.equal(parentFolder('C:\\cases\\family'), 'C:\\cases');
    assert.equal(parentFolder('C:\\cases'), 'C:\\');
    assert.equal(parentFolder('C:\\'), undefined);
    assert.equal(joinPath('C:\\cases', '.git'), 'C:\\cases\\.git');
    assert.equal(joinPath('/', '.git'), '/.git');
  });
});
