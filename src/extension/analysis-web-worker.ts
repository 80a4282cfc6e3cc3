// The web extension host's analysis worker (dist/web/analysis-worker.js), a Web Worker started by the host's own
// worker (VS Code for the Web). A browser caps no worker's heap; the time budget ends it from outside.
import { analysisWork, inOrder } from './analysis-work';
import type { WorkerRequest } from './worker-ports';

const scope = self as unknown as { onmessage: ((event: { data: WorkerRequest }) => void) | null; postMessage(message: unknown): void };
const handle = inOrder(analysisWork(), (answer) => scope.postMessage(answer));
scope.onmessage = (event) => handle(event.data);
