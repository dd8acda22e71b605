import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { keepShape } from "../../../src/engine/grid/kept-shapes";

describe("kept shapes", () => {
  test("an instance handed to keepShape outlives a full collection; one not kept does not", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    class Probe {
      constructor(readonly id: number) {}
    }
    const refs = (() => {
      const kept = keepShape(new Probe(1));
      return { kept: new WeakRef(kept), dropped: new WeakRef(new Probe(2)) };
    })();
    // A WeakRef holds its target until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(refs.kept.deref()?.id).toBe(1);
    expect(refs.dropped.deref()).toBeUndefined();
  });
});
