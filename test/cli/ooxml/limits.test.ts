import { formatBytes, LIMITS } from "../../../src/cli/ooxml/limits";

describe("the reader's limits", () => {
  test("a package unpacks to at most 1 GiB, shared strings to 256 MiB, 20 million cells", () => {
    expect(LIMITS.packageBytes).toBe(1_073_741_824);
    expect(LIMITS.sharedStringsBytes).toBe(268_435_456);
    expect(LIMITS.cells).toBe(20_000_000);
    expect(LIMITS.tokenChars).toBe(16_777_216);
  });

  test("a limit is said in whole megabytes, rounded", () => {
    expect(formatBytes(LIMITS.packageBytes)).toBe("1024 MB");
    expect(formatBytes(256 * 1024 * 1024)).toBe("256 MB");
    expect(formatBytes(1.4 * 1024 * 1024)).toBe("1 MB");
    expect(formatBytes(1.5 * 1024 * 1024)).toBe("2 MB");
  });
});
