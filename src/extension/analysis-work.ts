// What an analysis worker does with each request, the same on a Node worker thread and in a Web Worker: one
// incremental parser and the latest text per open document (requests after the first send only the change), and a
// reply with what the features read (the model, the messages as data, the settings in force, where the prose is
// blanked). Only the way messages arrive differs (analysis-worker.ts, analysis-web-worker.ts).
import { analyse, IncrementalParser, toWire } from '../core/index';
import { applyTextChange } from './text-change';
import type { WorkerAnswer, WorkerRequest } from './worker-ports';

export function analysisWork(): (request: WorkerRequest) => WorkerAnswer | undefined {
  const parsers = new Map<string, IncrementalParser>();
  const texts = new Map<string, string>();
  return (request) => {
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
    const analysis = analyse(text, { path: request.path, config: request.config, parser, budget: request.budget });
    return { id: request.id, model: analysis.model, messages: toWire(analysis.messages), config: analysis.config, nonProse: analysis.source?.nonProse, stopped: analysis.stopped };
  };
}
