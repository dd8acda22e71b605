import { isDecided, needsReview, STATUSES } from "../../../src/engine/rules/status";

describe("statuses", () => {
  test("every target ends with one of five statuses, in the order the sheet colours them", () => {
    expect(STATUSES).toEqual(["Met", "Missed", "Pending", "Insufficient data", "Invalid"]);
  });

  test("Met and Missed are decided; Invalid and Insufficient data need review; Pending is neither", () => {
    expect(STATUSES.filter(isDecided)).toEqual(["Met", "Missed"]);
    expect(STATUSES.filter(needsReview)).toEqual(["Insufficient data", "Invalid"]);
  });
});
