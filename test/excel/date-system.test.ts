import { probeDateSystem } from "../../src/excel/date-system";
import { fakeExcel } from "../support/excel-workbook";

describe("the workbook's date system", () => {
  test("is asked of Excel with DATE(1904,1,1): 0 in a 1904 workbook, 1462 in a 1900 one", async () => {
    const state = fakeExcel();
    const ask = () =>
      Excel.run(async (context) => {
        const probe = probeDateSystem(context);
        await context.sync();
        return probe.date1904();
      });
    expect(await ask()).toBe(false);
    state.date1904 = true;
    expect(await ask()).toBe(true);
  });
});
