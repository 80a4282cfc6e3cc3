// The Node extension host's analysis worker (dist/analysis-worker.cjs, built first): the same messages and model as
// analysis in place, a newer request supersedes an older waiting one, and a file over budget is stopped with one
// message while the thread that asked stays free.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCase } from '../../bench/generate';
import { analyse, defaultBudget } from '../../src/core/index';
import { Worker } from 'node:worker_threads';
import { WorkerRunner } from '../../src/extension/analysis-worker-runner';
import { analysisWork, inOrder } from '../../src/extension/analysis-work';
import { sharedText } from '../../src/extension/runner';
import { nodeWorkers, webWorkers, type WebWorkerLike, type WorkerAnswer, type WorkerRequest } from '../../src/extension/worker-ports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'dist/analysis-worker.cjs');

describe('analysis worker thread', function () {
  this.timeout(120_000);
  let runner: WorkerRunner;
  before(() => {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
  });
  beforeEach(() => {
    runner = new WorkerRunner(nodeWorkers(script, (file, heapMb) => new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: heapMb } })));
  });
  afterEach(() => runner.dispose());

  const request = (text: string, key = 'a', budget = defaultBudget) => ({ key, text, path: `${key}.case.md`, config: [], budget, keep: true });

  it('runs on the worker', async () => {
    assert.ok(await runner.analyse(request('---\ncasemark: 1\n---\n# A\n')));
    assert.equal(runner.where, 'worker');
  });

  it('gives the messages and model that analysis in place gives', async () => {
    for (const name of ['weak-analysis', 'genogram-mistakes', 'strong-analysis']) {
      const text = readFileSync(path.join(root, 'samples', `${name}.case.md`), 'utf8');
      const here = analyse(text, { path: `${name}.case.md` });
      const there = await runner.analyse({ ...request(text, name) });
      assert.ok(there);
      assert.deepEqual(
        there.messages.map((m) => [m.ruleId, m.line, m.column, m.reason, m.severity, m.fix]),
        here.messages.map((m) => [m.ruleId, m.line, m.column, m.reason, m.severity, m.fix]),
        name,
      );
      assert.deepEqual(JSON.parse(JSON.stringify(there.model)), JSON.parse(JSON.stringify(here.model)), name);
    }
  });

  it('loads the name tagger before a shareable file, so it finds the names analysis in place finds', async () => {
    // A name with no title and in no list of people: only the tagger finds it. The worker starts without it.
    const text = '---\ncasemark: 1\nshareable: true\n---\n## Hypotheses\n\n- H1: Bernadette Walsh may be a support to the family.\n';
    const here = analyse(text, { path: 'a.case.md' }).messages.filter((m) => m.ruleId === 'identifying-detail');
    assert.ok(here.some((m) => m.reason.includes('Bernadette')), `in place: ${here.map((m) => m.reason).join(' | ')}`);
    const there = await runner.analyse(request(text));
    assert.deepEqual(there?.messages.filter((m) => m.ruleId === 'identifying-detail').map((m) => [m.line, m.column, m.reason]), here.map((m) => [m.line, m.column, m.reason]));
  });

  it('makes a shareable copy on a worker of its own, the same as in place, and none past the budget', async () => {
    const text = readFileSync(path.join(root, 'samples/strong-analysis.case.md'), 'utf8');
    const there = await runner.share(text, { budget: defaultBudget, config: [] });
    assert.deepEqual(there, sharedText(text, { budget: defaultBudget, config: [] }));
    assert.ok(there.mapping.length > 3 && !there.incomplete && there.text !== text, 'names replaced');
    const stopped = await runner.share(generateCase(80_000), { budget: { ...defaultBudget, timeSeconds: 0.3 }, config: [] });
    assert.match(stopped.incomplete ?? '', /^CaseMark stopped after/);
    assert.deepEqual(stopped.mapping, []);
    // The documents' own worker is still there for analyses.
    assert.ok(await runner.analyse(request(text)));
  });

  it('takes settings as VS Code hands them out (proxies, which structured clone refuses)', async () => {
    const text = readFileSync(path.join(root, 'samples/weak-analysis.case.md'), 'utf8');
    const settings = new Proxy({ rules: { 'hypothesis-certainty': { severity: 'off' } } }, {});
    const analysis = await runner.analyse({ ...request(text), config: [settings as never] });
    assert.ok(analysis && analysis.messages.length > 5);
    assert.ok(!analysis.messages.some((m) => m.ruleId === 'hypothesis-certainty'), 'the setting was applied');
  });

  it('re-analyses edits of one document incrementally and still matches a fresh analysis', async () => {
    let text = generateCase(600);
    await runner.analyse(request(text));
    const before = text;
    text = text.replace('- H12:', '- H12: perhaps');
    assert.notEqual(text, before, 'an edit was made');
    const edited = await runner.analyse(request(text));
    assert.deepEqual(edited?.messages.map((m) => [m.ruleId, m.line, m.column]), analyse(text, { path: 'a.case.md' }).messages.map((m) => [m.ruleId, m.line, m.column]));
  });

  it('a newer request for a document supersedes an older one that has not started', async () => {
    const big = generateCase(3_000);
    const first = runner.analyse(request(big, 'busy'));
    const older = runner.analyse(request('---\ncasemark: 1\n---\n# old\n'));
    const newer = runner.analyse(request('---\ncasemark: 1\n---\n# new\n\n## Hypotheses\n'));
    assert.equal(await older, undefined);
    assert.ok((await newer)?.model.sections.some((s) => s.title === 'new'));
    assert.ok(await first);
  });

  it('stops a file over the time budget with one message, and the next file is analysed by a fresh worker', async () => {
    const big = generateCase(80_000);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = performance.now();
    const stopped = await runner.analyse(request(big, 'big', { timeSeconds: 0.3, memoryMb: 1024 }));
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    assert.equal(stopped?.stopped, true);
    assert.deepEqual(stopped?.messages.map((m) => [m.ruleId, m.line]), [['analysis-stopped', 1]]);
    assert.match(stopped?.messages[0]?.reason ?? '', /^CaseMark stopped after [\d.]+ s: .*time budget of 0\.3 s.*; the rest of the file was not checked\.$/);
    // This thread stayed free while the worker ran: its timer kept ticking.
    assert.ok(ticks >= Math.floor(elapsed / 20) / 3, `${ticks} ticks in ${elapsed.toFixed(0)} ms`);
    const next = await runner.analyse(request(readFileSync(path.join(root, 'samples/weak-analysis.case.md'), 'utf8'), 'weak'));
    assert.ok(next && next.messages.length > 5 && !next.stopped);
  });
});

/**
 * A Web Worker stand-in that does what the real one does (analysisWork) in this thread, or fails as told; 'forgets'
 * loses the texts it holds after each answer, as a worker that does not hold what the runner thinks would.
 */
function fakeWebWorker(behaviour: 'answers' | 'fails' | 'silent' | 'forgets'): { create: (url: string) => WebWorkerLike; posted: WorkerRequest[]; urls: string[] } {
  const posted: WorkerRequest[] = [];
  const urls: string[] = [];
  const create = (url: string): WebWorkerLike => {
    urls.push(url);
    let work = analysisWork();
    const worker: WebWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: unknown) {
        const request = message as WorkerRequest;
        posted.push(request);
        if (request.type === 'forget') return;
        setTimeout(() => {
          if (behaviour === 'fails') worker.onerror?.({ message: 'boom' });
          else if (behaviour !== 'silent') {
            void Promise.resolve(work(structuredClone(request))).then((answer) => {
              if (answer) worker.onmessage?.({ data: structuredClone(answer) });
              if (behaviour === 'forgets') work = analysisWork();
            });
          }
        }, 5);
      },
      terminate() {},
    };
    return worker;
  };
  return { create, posted, urls };
}

/** A runner on one stand-in Web Worker. */
function webRunner(behaviour: Parameters<typeof fakeWebWorker>[0]): { fake: ReturnType<typeof fakeWebWorker>; runner: WorkerRunner } {
  const fake = fakeWebWorker(behaviour);
  return { fake, runner: new WorkerRunner(webWorkers(() => Promise.resolve('blob:x'), fake.create)) };
}

/** What each posted message carried: the whole text, a change, or a forget. */
const carried = (posted: WorkerRequest[]) => posted.map((m) => (m.type === 'analyse' ? (m.change ? 'change' : 'whole') : m.type));

describe('analysis worker ports and the fall-back in place', () => {
  const text = readFileSync(path.join(root, 'samples/weak-analysis.case.md'), 'utf8');
  const request = (key = 'a', budget = defaultBudget) => ({ key, text, path: `${key}.case.md`, config: [], budget, keep: true });

  it('a Web Worker: messages posted while its script is still being read wait, in order, and its answers arrive', async () => {
    let release: (url: string) => void = () => {};
    const url = new Promise<string>((resolve) => (release = resolve));
    const fake = fakeWebWorker('answers');
    const runner = new WorkerRunner(webWorkers(() => url, fake.create));
    const first = runner.analyse(request('a'));
    runner.forget('gone');
    assert.equal(fake.posted.length, 0, 'nothing posted before the worker exists');
    release('blob:casemark-worker');
    const analysis = await first;
    assert.deepEqual(fake.urls, ['blob:casemark-worker']);
    assert.deepEqual(fake.posted.map((m) => m.type), ['analyse', 'forget']);
    assert.equal(runner.where, 'worker');
    assert.deepEqual(analysis?.messages.map((m) => m.ruleId), analyse(text, { path: 'a.case.md' }).messages.map((m) => m.ruleId));
    runner.dispose();
  });

  it('a Web Worker: a shareable copy on a worker of its own, and no copy when that worker fails', async () => {
    const { fake, runner } = webRunner('answers');
    const shared = await runner.share(text, { budget: defaultBudget, config: [] });
    assert.deepEqual(shared, sharedText(text, { budget: defaultBudget, config: [] }));
    assert.deepEqual(fake.posted.map((m) => m.type), ['share']);
    runner.dispose();
    const failing = webRunner('fails');
    const none = await failing.runner.share(text, { budget: defaultBudget, config: [] });
    assert.match(none.incomplete ?? '', /its worker stopped \(the worker failed \(boom\)\)/);
    assert.equal(none.text, text, 'the text as it was, never a half-made copy');
    failing.runner.dispose();
  });

  it('answers requests in order, and a request that throws fails the worker instead of stopping every later answer', async () => {
    const answers: number[] = [];
    const failures: unknown[] = [];
    const slowFirst = (request: WorkerRequest) =>
      request.type !== 'analyse' ? undefined : request.id === 1 ? new Promise<WorkerAnswer>((resolve) => setTimeout(() => resolve({ id: 1, resend: true }), 20)) : request.id === 2 ? (() => { throw new Error('boom'); })() : { id: request.id, resend: true as const };
    const handle = inOrder(slowFirst, (answer) => answers.push(answer.id), (error) => failures.push(error));
    for (const id of [1, 2, 3]) handle({ type: 'analyse', id, ...request('a'), text: '' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(answers, [1, 3], 'the slow first answer first, and the one after the failure still answered');
    assert.equal((failures[0] as Error | undefined)?.message, 'boom');
  });

  it('sends a document’s worker only what changed since its last request, and the analysis is of the whole new text', async () => {
    const { fake, runner } = webRunner('answers');
    const before = generateCase(400);
    const after = before.replace('- H12:', '- H12: perhaps');
    assert.ok(await runner.analyse({ ...request('a'), text: before }));
    const edited = await runner.analyse({ ...request('a'), text: after });
    const again = await runner.analyse({ ...request('a'), text: after });
    const sent = fake.posted.filter((m) => m.type === 'analyse');
    assert.equal(sent[0]?.text, before, 'the first request carries the whole text');
    assert.deepEqual([sent[1]?.text, sent[1]?.change?.insert.length, sent[1]?.change?.end], ['', ' perhaps'.length, sent[1]?.change?.start], 'the next only the change');
    assert.deepEqual([sent[2]?.text, sent[2]?.change?.insert, sent[2]?.change?.start], ['', '', after.length], 'the same text again: nothing');
    const fresh = analyse(after, { path: 'a.case.md' });
    for (const analysis of [edited, again]) {
      assert.deepEqual(analysis?.messages.map((m) => [m.ruleId, m.line, m.column, m.reason]), fresh.messages.map((m) => [m.ruleId, m.line, m.column, m.reason]));
      assert.equal(analysis?.prose, fresh.prose, 'the prose, made here from where the worker says it is blanked');
    }
    runner.dispose();
  });

  it('sends the whole text again when the worker does not hold the text a change was of', async () => {
    const { fake, runner } = webRunner('forgets');
    const before = generateCase(200);
    const after = before.replace('- H11:', '- H11: it may be that');
    assert.notEqual(after, before);
    await runner.analyse({ ...request('a'), text: before });
    const edited = await runner.analyse({ ...request('a'), text: after });
    assert.deepEqual(carried(fake.posted), ['whole', 'change', 'whole']);
    assert.deepEqual(edited?.messages.map((m) => [m.ruleId, m.line]), analyse(after, { path: 'a.case.md' }).messages.map((m) => [m.ruleId, m.line]));
    runner.dispose();
  });

  it('never analyses a text other than the one asked for, through any mix of edits, superseded requests and documents let go', async () => {
    const { runner } = webRunner('answers');
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed % n;
    };
    const base = readFileSync(path.join(root, 'samples/strong-analysis.case.md'), 'utf8');
    const texts = new Map<string, string>([['a', base], ['b', base]]);
    const line = '  - For: Amy drew her mum and Leo at home. (source: Amy, 2026-11-01)\n';
    const asked: Array<Promise<void>> = [];
    for (let step = 0; step < 60; step++) {
      const key = random(2) ? 'a' : 'b';
      if (random(8) === 0) {
        runner.forget(key);
        continue;
      }
      const text = texts.get(key) ?? base;
      const at = text.indexOf('\n', random(text.length)) + 1;
      const next = random(3) ? `${text.slice(0, at)}${line}${text.slice(at)}` : text.slice(0, at) + text.slice(text.indexOf('\n', at) + 1);
      texts.set(key, next);
      asked.push(
        runner.analyse({ ...request(key), text: next }).then((analysis) => {
          if (!analysis) return;
          const fresh = analyse(next, { path: `${key}.case.md` });
          assert.deepEqual(analysis.messages.map((m) => [m.ruleId, m.line, m.column]), fresh.messages.map((m) => [m.ruleId, m.line, m.column]), `step ${step}`);
          assert.equal(analysis.prose, fresh.prose, `step ${step}`);
        }),
      );
      if (random(3) === 0) await Promise.all(asked);
    }
    await Promise.all(asked);
    runner.dispose();
  });

  it('a document let go is sent whole the next time', async () => {
    const { fake, runner } = webRunner('answers');
    await runner.analyse(request('a'));
    runner.forget('a');
    const again = await runner.analyse(request('a'));
    assert.deepEqual(carried(fake.posted), ['whole', 'forget', 'whole']);
    assert.ok(again && again.messages.length > 5);
    runner.dispose();
  });

  for (const [what, start] of [
    ['its script cannot be read', () => webWorkers(() => Promise.reject(new Error('no such file')), fakeWebWorker('answers').create)],
    ['the host has no Worker', () => webWorkers(() => Promise.resolve('blob:x'), () => { throw new ReferenceError('Worker is not defined'); })],
    ['it fails before its first answer', () => webWorkers(() => Promise.resolve('blob:x'), fakeWebWorker('fails').create)],
    ['a worker thread cannot start', () => nodeWorkers(path.join(root, 'dist/no-such-worker.cjs'), (file, heapMb) => new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: heapMb } }))],
  ] as const) {
    it(`analyses in place, with the same result, when ${what}`, async () => {
      const runner = new WorkerRunner(start());
      const [one, two] = await Promise.all([runner.analyse(request('a')), runner.analyse(request('b'))]);
      const here = analyse(text, { path: 'a.case.md' }).messages.map((m) => [m.ruleId, m.line]);
      assert.deepEqual(one?.messages.map((m) => [m.ruleId, m.line]), here);
      assert.ok(two && two.messages.length === one?.messages.length);
      assert.equal(runner.where, 'in place');
      runner.dispose();
    });
  }

  it('after dispose starts no worker, and a late caller still gets an answer (never a caller left asking for ever)', async () => {
    let started = 0;
    const runner = new WorkerRunner(
      webWorkers(() => Promise.resolve('blob:x'), (url) => {
        started++;
        return fakeWebWorker('answers').create(url);
      }),
    );
    assert.ok(await runner.analyse(request('a')));
    runner.dispose();
    const late = await runner.analyse(request('b'));
    assert.equal(started, 1);
    assert.deepEqual(late?.messages.map((m) => m.ruleId), analyse(text, { path: 'b.case.md' }).messages.map((m) => m.ruleId));
  });

  it('a worker lost after it has answered is the file’s stop, not a reason to leave the worker', async () => {
    let answers = 0;
    const workers: WebWorkerLike[] = [];
    const runner = new WorkerRunner(
      webWorkers(() => Promise.resolve('blob:x'), (url) => {
        const fake = fakeWebWorker(answers === 0 ? 'answers' : 'fails').create(url);
        answers++;
        workers.push(fake);
        return fake;
      }),
    );
    assert.ok(await runner.analyse(request('a')));
    // The next worker fails on its request: the first was ended by a change of memory budget.
    const stopped = await runner.analyse(request('b', { timeSeconds: 10, memoryMb: 2048 }));
    assert.deepEqual(stopped?.messages.map((m) => m.ruleId), ['analysis-stopped']);
    assert.equal(runner.where, 'worker');
    assert.equal(workers.length, 2);
    runner.dispose();
  });
});
