// What an analysis worker does with each request, the same on a Node worker thread and in a Web Worker: one
// incremental parser per open document, and a reply with what the features read (the model, the messages as data,
// the settings in force and the prose). Only the way messages arrive differs (analysis-worker.ts, analysis-web-worker.ts).
import { analyse, IncrementalParser, toWire } from '../core/index';
import type { WorkerReply, WorkerRequest } from './worker-ports';

export function analysisWork(): (request: WorkerRequest) => WorkerReply | undefined {
  const parsers = new Map<string, IncrementalParser>();
  return (request) => {
    if (request.type === 'forget') {
      parsers.delete(request.key);
      return undefined;
    }
    let parser = parsers.get(request.key);
    if (!parser && request.keep) {
      parser = new IncrementalParser();
      parsers.set(request.key, parser);
    }
    const analysis = analyse(request.text, { path: request.path, config: request.config, parser, budget: request.budget });
    return { id: request.id, model: analysis.model, messages: toWire(analysis.messages), config: analysis.config, prose: analysis.prose, stopped: analysis.stopped };
  };
}
