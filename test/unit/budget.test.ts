// The analysis budget's checker: the clock from when the budget began, which a shareable copy spends over its two
// analyses and the replacing between them.
import assert from 'node:assert/strict';
import { AnalysisStopped, budgetChecker } from '../../src/core/index';

describe('the analysis budget', () => {
  const budget = { timeSeconds: 1, memoryMb: 1_000_000 };

  it('stops once the time since the budget began is spent, counting time spent before this check began', () => {
    let now = 5_000;
    const clock = () => now;
    const fresh = budgetChecker(budget, clock);
    const shared = budgetChecker(budget, clock, 4_200);
    now = 5_500;
    fresh();
    assert.throws(shared, (error: unknown) => error instanceof AnalysisStopped && error.stopCause === 'time' && error.elapsedMs === 1_300);
    now = 6_100;
    assert.throws(fresh, (error: unknown) => error instanceof AnalysisStopped && error.elapsedMs === 1_100);
  });
});
