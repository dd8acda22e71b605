import { productionUrl } from "../../scripts/production-url";

describe("productionUrl: KPI_REWARDS_URL as a base the build appends file names to", () => {
  test("unset or blank means the placeholder host", () => {
    expect(productionUrl(undefined)).toEqual({ url: "https://kpi-rewards.example.com/" });
    expect(productionUrl("  ")).toEqual({ url: "https://kpi-rewards.example.com/" });
  });

  test("a missing trailing slash is added, so taskpane.html lands inside the folder", () => {
    expect(productionUrl("https://addins.contoso.com/kpi")).toEqual({
      url: "https://addins.contoso.com/kpi/",
    });
    expect(productionUrl("https://addins.contoso.com")).toEqual({
      url: "https://addins.contoso.com/",
    });
  });

  test("a URL that already ends in a slash is kept as it is", () => {
    expect(productionUrl("https://addins.contoso.com:8443/kpi/")).toEqual({
      url: "https://addins.contoso.com:8443/kpi/",
    });
  });

  test("text that is not a URL is refused with an example", () => {
    expect(productionUrl("addins.contoso.com/kpi")).toEqual({
      error:
        'KPI_REWARDS_URL is not a URL: "addins.contoso.com/kpi". Give the add-in\'s HTTPS address, e.g. https://addins.example.com/kpi-rewards/',
    });
  });

  test("http is refused: Office loads add-ins only over HTTPS", () => {
    expect(productionUrl("http://addins.contoso.com/")).toEqual({
      error:
        'KPI_REWARDS_URL must start with https:// (Office loads add-ins only over HTTPS): "http://addins.contoso.com/"',
    });
  });

  test("a query or fragment is refused, since file names are appended", () => {
    expect(productionUrl("https://addins.contoso.com/?v=2")).toEqual({
      error:
        'KPI_REWARDS_URL must not have a query or a #fragment (file names are appended to it): "https://addins.contoso.com/?v=2"',
    });
  });
});
