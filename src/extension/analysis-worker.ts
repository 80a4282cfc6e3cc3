// The Node extension host's analysis worker thread (dist/analysis-worker.cjs). Its heap is capped by the memory budget.
import { parentPort } from 'node:worker_threads';
import { analysisWork } from './analysis-work';
import type { WorkerRequest } from './worker-ports';

const work = analysisWork();
parentPort?.on('message', (request: WorkerRequest) => {
  const reply = work(request);
  if (reply) parentPort?.postMessage(reply);
});
