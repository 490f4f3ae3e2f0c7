// Runs a paused pipeline (the core's AnalysisSteps) on the page's main thread in slices: after a
// step that ends a slice of `sliceMs` or more, the page's event loop gets a turn (input, frames,
// its own scripts) before the next step. A large page's analysis then freezes the tab for its
// longest stage rather than for all of them together (issue 5: never more than 200 ms at once;
// wikipedia-2, 1 MB, was one 326 ms task). A small page's analysis runs in one go, as before.

/** Ms of work after which the page gets a turn: the threshold of a "long task". */
export const SLICE_MS = 50;

/** A macrotask later: setTimeout(0), which a page's input and rendering may run before. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runInSlices<T>(
  steps: Iterator<unknown, T, undefined>,
  now: () => number,
  {
    sliceMs = SLICE_MS,
    yieldTask = nextTask,
    stillWanted = () => true,
  }: {
    sliceMs?: number;
    yieldTask?: () => Promise<void>;
    /** Asked after each turn the page had: false stops the run (the view closed meanwhile). */
    stillWanted?: () => boolean;
  } = {},
): Promise<{ done: true; value: T } | { done: false }> {
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return { done: true, value: step.value };
    if (now() - sliceStart < sliceMs) continue;
    await yieldTask();
    if (!stillWanted()) {
      steps.return?.(undefined as T);
      return { done: false };
    }
    sliceStart = now();
  }
}
