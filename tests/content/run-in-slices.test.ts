// The reading view's analysis in slices: the page gets a turn of its event loop only after a step
// that ends a slice of 50 ms or more, and a run stops when the view was closed meanwhile.
import { describe, expect, it } from 'vitest';
import { runInSlices, SLICE_MS } from '../../src/content/reader/run-in-slices';

/** Steps that each take `costs[i]` ms on a fake clock, then return 'done'. */
function stepsCosting(costs: number[], clock: { ms: number }) {
  return (function* () {
    for (const cost of costs) {
      clock.ms += cost;
      yield cost;
    }
    clock.ms += 1;
    return 'done';
  })();
}

describe('runInSlices', () => {
  it('runs a quick analysis in one go, without giving the page a turn', async () => {
    const clock = { ms: 0 };
    let turns = 0;
    const run = await runInSlices(stepsCosting([10, 20, 5], clock), () => clock.ms, {
      yieldTask: async () => void turns++,
    });
    expect(run).toEqual({ done: true, value: 'done' });
    expect(turns).toBe(0);
  });

  it('gives the page a turn after each step that ends a slice of 50 ms or more', async () => {
    const clock = { ms: 0 };
    const turnsAt: number[] = [];
    // 30 + 30 ends a 60 ms slice; 120 is a slice alone; 10 + 10 ends none before the end.
    const run = await runInSlices(stepsCosting([30, 30, 120, 10, 10], clock), () => clock.ms, {
      yieldTask: async () => void turnsAt.push(clock.ms),
    });
    expect(run).toEqual({ done: true, value: 'done' });
    expect(turnsAt).toEqual([60, 180]);
    expect(SLICE_MS).toBe(50);
  });

  it('stops, and closes the steps, when the view is no longer wanted after a turn', async () => {
    const clock = { ms: 0 };
    let wanted = true;
    let finished = false;
    const steps = (function* () {
      try {
        clock.ms += 80;
        yield 1;
        clock.ms += 80;
        yield 2;
        return 'done';
      } finally {
        finished = true;
      }
    })();
    const run = await runInSlices(steps, () => clock.ms, {
      yieldTask: async () => {
        wanted = false; // the user closed the view while the page had its turn
      },
      stillWanted: () => wanted,
    });
    expect(run).toEqual({ done: false });
    expect(finished).toBe(true);
    expect(clock.ms).toBe(80);
  });

  it('gives the page a real turn: a timer set before the run fires before it ends', async () => {
    const clock = { ms: 0 };
    const order: string[] = [];
    setTimeout(() => order.push('page timer'), 0);
    const running = runInSlices(stepsCosting([60, 60], clock), () => clock.ms).then(() =>
      order.push('analysis done'),
    );
    await running;
    expect(order).toEqual(['page timer', 'analysis done']);
  });
});
