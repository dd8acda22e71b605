/**
 * One instance of each class the hot loops read, kept for the life of the module. V8's optimised code
 * holds object shapes weakly: when every Series (Collector, TableView…) of an evaluation has been
 * collected, a full collection takes their shape with it and throws away every function compiled
 * against it, so the next evaluation starts on unoptimised code. A host collects between evaluations
 * (Excel's runtime does, and the bench does before each timed run): KPI.EVALUATE on 100,000 rows after a
 * full collection took 53–66 ms with the code thrown away each time, 34–38 ms with the shapes kept.
 */
const kept: object[] = [];

/** Keeps `instance`, and with it its shape, alive; returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
