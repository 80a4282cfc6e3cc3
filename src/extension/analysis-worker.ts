// The Node extension host's analysis worker thread (dist/analysis-worker.cjs): analyses the documents the
// extension sends, one incremental parser per open document, and replies with what the features read (the model,
// the messages as data, the settings in force and the prose). Its heap is capped by the memory budget.
import { parentPort } from 'node:worker_threads';
import { analyse, IncrementalParser, toWire } from '../core/index';
import type { WorkerReply, WorkerRequest } from './analysis-worker-runner';

const parsers = new Map<string, IncrementalParser>();

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'forget') {
    parsers.delete(request.key);
    return;
  }
  let parser = parsers.get(request.key);
  if (!parser && request.keep) {
    parser = new IncrementalParser();
    parsers.set(request.key, parser);
  }
  const analysis = analyse(request.text, { path: request.path, config: request.config, parser, budget: request.budget });
  const reply: WorkerReply = { id: request.id, model: analysis.model, messages: toWire(analysis.messages), config: analysis.config, prose: analysis.prose, stopped: analysis.stopped };
  parentPort?.postMessage(reply);
});
