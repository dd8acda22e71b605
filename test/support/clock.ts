/**
 * Runs `action` with the clock standing at `at` (local time): only `Date` is faked, so Excel.run's
 * promises and timers go on as usual. Runs recorded in KPI History carry the minute they were made,
 * so a test that builds the same history twice must build it at the same minute.
 */
export async function atClock<T>(at: Date, action: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: at,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
  try {
    return await action();
  } finally {
    jest.useRealTimers();
  }
}
