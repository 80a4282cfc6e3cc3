// CaseMark's own share of the extension host's thread: the longest measured slice and what it was, thrown or not.
import assert from 'node:assert/strict';
import { ThreadTime } from '../../../src/extension/thread-time';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('the thread time CaseMark takes', () => {
  it('keeps the longest slice and what it was, a slice that throws included, until reset', () => {
    const time = new ThreadTime();
    assert.equal(time.measure('short', () => (busy(2), 'answer')), 'answer');
    assert.throws(() => time.measure('long', () => (busy(30), assert.fail('thrown'))));
    time.measure('middle', () => busy(10));
    assert.equal(time.what, 'long');
    assert.ok(time.longest >= 30 && time.longest < 1_000, String(time.longest));
    time.reset();
    assert.deepEqual([time.longest, time.what], [0, '']);
  });
});
