// How long and how much memory one file's analysis may take, and the one message a stopped file gets. The hosts
// enforce it hard (a worker stopped by the clock or its heap limit); analyse() also checks it between its steps,
// so that in-thread analysis stops too.

export interface AnalysisBudget {
  timeSeconds: number;
  memoryMb: number;
}

export const defaultBudget: AnalysisBudget = { timeSeconds: 10, memoryMb: 1024 };

/** A budget from settings or flags, each part checked (the default where it is not a sensible number). */
export function readBudget(timeSeconds: unknown, memoryMb: unknown): AnalysisBudget {
  return {
    timeSeconds: typeof timeSeconds === 'number' && Number.isFinite(timeSeconds) && timeSeconds >= 0.05 ? timeSeconds : defaultBudget.timeSeconds,
    memoryMb: typeof memoryMb === 'number' && Number.isFinite(memoryMb) && memoryMb >= 64 ? memoryMb : defaultBudget.memoryMb,
  };
}

export type StopCause = 'time' | 'memory';

/** What went over, in words, for the message. */
export function stopReason(cause: StopCause, budget: AnalysisBudget): string {
  return cause === 'time'
    ? `checking it would take longer than the time budget of ${budget.timeSeconds} s (setting casemark.analysis.timeBudgetSeconds, or --time-budget)`
    : `checking it would need more than the memory budget of ${budget.memoryMb} MB (setting casemark.analysis.memoryBudgetMb, or --memory-budget)`;
}

/** The message a stopped file gets, once, at its top. */
export function stoppedText(elapsedMs: number, cause: StopCause, budget: AnalysisBudget): string {
  const seconds = elapsedMs < 10_000 ? (Math.round(elapsedMs / 100) / 10).toString() : String(Math.round(elapsedMs / 1000));
  return `CaseMark stopped after ${seconds} s: ${stopReason(cause, budget)}; the rest of the file was not checked.`;
}

/** Thrown between analysis steps when the budget is spent; analyse() turns it into the one message. */
export class AnalysisStopped extends Error {
  constructor(
    readonly stopCause: StopCause,
    readonly elapsedMs: number,
  ) {
    super(`analysis stopped (${stopCause})`);
  }
}

/** How often the heap is measured: process.memoryUsage() reads the process's own status, a tenth of a second per 150 files. */
const memoryEveryMs = 50;
let measured = -Infinity;

/** A monotonic clock in milliseconds, in Node and in browsers (the core has no DOM or Node types). */
export const clock = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();

/**
 * A checker for one analysis: call it between steps; it throws AnalysisStopped once the budget is spent. `started`
 * (by `now`) is when the budget began, for work that spends one budget on several steps (a shareable copy).
 */
export function budgetChecker(budget: AnalysisBudget, now: () => number = clock, started = now()): () => void {
  const memory = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process?.memoryUsage;
  return () => {
    const at = now();
    const elapsed = at - started;
    if (elapsed > budget.timeSeconds * 1000) throw new AnalysisStopped('time', elapsed);
    // Measured once the last measure, by any analysis in this thread, is memoryEveryMs old (the hosts cap the heap too).
    if (!memory || at - measured < memoryEveryMs) return;
    measured = at;
    if (memory().heapUsed > budget.memoryMb * 1024 * 1024) throw new AnalysisStopped('memory', elapsed);
  };
}
