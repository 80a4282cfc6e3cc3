// The Node extension host's analysis worker thread (dist/analysis-worker.cjs). Its heap is capped by the memory budget.
import { parentPort } from 'node:worker_threads';
import { analysisWork, inOrder } from './analysis-work';
import type { WorkerRequest } from './worker-ports';

const handle = inOrder(analysisWork(), (answer) => parentPort?.postMessage(answer));
parentPort?.on('message', (request: WorkerRequest) => handle(request));
