/**
 * The workbook's date system, asked of Excel itself: DATE(1904,1,1) is serial 0 in the 1904 system and
 * 1462 in the 1900 one. Queue it with the other loads of a sync; read `date1904()` after that sync.
 */
export function probeDateSystem(context: Excel.RequestContext): { date1904: () => boolean } {
  const epoch = context.workbook.functions.date(1904, 1, 1);
  epoch.load("value");
  return { date1904: () => epoch.value === 0 };
}
