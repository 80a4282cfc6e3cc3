// A worker thread of the desktop extension host's cohort grading: checks the submissions the extension sends it.
import { parentPort, workerData } from 'node:worker_threads';
import { serveGrading } from '../core/exercise/cohort';
import type { Exercise } from '../core/exercise/read';

if (parentPort) serveGrading(parentPort, (workerData as { exercise: Exercise }).exercise);
