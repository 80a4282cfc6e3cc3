// What an analysis worker does with each request, the same on a Node worker thread and in a Web Worker: one
// incremental parser and the latest text per open document (requests after the first send only the change), and a
// reply with what the features read (the model, the messages as data, the settings in force, where the prose is
// blanked). Only the way messages arrive differs (analysis-worker.ts, analysis-web-worker.ts).
import { analyse, IncrementalParser, loadNameTagger, mayNeedNameTagger, nameTaggerReady, toWire } from '../core/index';
import { sharedText } from './runner';
import { applyTextChange } from './text-change';
import type { WorkerAnswer, WorkerRequest } from './worker-ports';

/**
 * The worker's handler. An answer is a promise only while the name tagger loads for a text that needs it (the first
 * shareable file or submission): identifying-detail without it would miss names, so the worker waits the third of
 * a second once. The workers answer requests one at a time, in order (`inOrder`).
 */
export function analysisWork(): (request: WorkerRequest) => WorkerAnswer | undefined | Promise<WorkerAnswer | undefined> {
  const parsers = new Map<string, IncrementalParser>();
  const texts = new Map<string, string>();
  return (request) => {
    if (request.type === 'share') return loadNameTagger().then(() => ({ id: request.id, shared: sharedText(request.text, request.options) }));
    if (request.type === 'forget') {
      parsers.delete(request.key);
      texts.delete(request.key);
      return undefined;
    }
    const held = texts.get(request.key);
    let text: string | undefined = request.text;
    if (request.change) text = held === undefined ? undefined : applyTextChange(held, request.change);
    if (text === undefined) return { id: request.id, resend: true };
    if (request.keep) texts.set(request.key, text);
    let parser = parsers.get(request.key);
    if (!parser && request.keep) {
      parser = new IncrementalParser();
      parsers.set(request.key, parser);
    }
    const run = (): WorkerAnswer => {
      const analysis = analyse(text as string, { path: request.path, config: request.config, parser, budget: request.budget });
      return { id: request.id, model: analysis.model, messages: toWire(analysis.messages), config: analysis.config, nonProse: analysis.source?.nonProse, stopped: analysis.stopped };
    };
    return !nameTaggerReady() && mayNeedNameTagger(text, request.config) ? loadNameTagger().then(run) : run();
  };
}

/**
 * Each request handled after the one before has answered, whether its answer came at once or after the tagger loaded.
 * A request that throws is thrown again outside the chain, as an uncaught error: the worker fails and the runner
 * starts a fresh one, rather than a rejected chain silently answering nothing ever again.
 */
export function inOrder(work: ReturnType<typeof analysisWork>, reply: (answer: WorkerAnswer) => void, fail: (error: unknown) => void = rethrow): (request: WorkerRequest) => void {
  let last: Promise<void> = Promise.resolve();
  return (request) => {
    last = last
      .then(async () => {
        const answer = await work(request);
        if (answer) reply(answer);
      })
      .catch(fail);
  };
}

function rethrow(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}

