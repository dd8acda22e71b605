import { existsSync, readFileSync } from "fs";
import path from "path";
import { XMLParser } from "fast-xml-parser";

const root = path.join(__dirname, "..", "..");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
const dist = path.join(root, "dist");

/** Every attribute value of a given name anywhere in the document. */
function attributes(node: unknown, name: string, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => attributes(n, name, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === `@_${name}` && typeof value === "string") found.push(value);
      else attributes(value, name, found);
    }
  }
  return found;
}

describe("manifest.xml, checked offline", () => {
  const parsed = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true }).parse(xml);
  const app = parsed.OfficeApp;
  const resources = app.VersionOverrides.Resources;
  const defined = new Map<string, string>();
  for (const group of [
    resources.Images.Image,
    resources.Urls.Url,
    resources.ShortStrings.String,
    resources.LongStrings.String,
  ]) {
    for (const item of [group].flat()) defined.set(item["@_id"], item["@_DefaultValue"]);
  }

  test("the XML parses as an Excel task pane add-in", () => {
    expect(app["@_type"]).toBe("TaskPaneApp");
    expect(app.Hosts.Host["@_Name"]).toBe("Workbook");
  });

  test("every resid it references is defined", () => {
    const referenced = attributes(app.VersionOverrides, "resid");
    expect(referenced.length).toBeGreaterThan(10);
    expect(referenced.filter((id) => !defined.has(id))).toEqual([]);
  });

  test("asks for ReadWriteDocument and no more, in the KPI namespace, with the intended requirement sets", () => {
    expect(app.Permissions).toBe("ReadWriteDocument");
    expect(defined.get("Functions.Namespace")).toBe("KPI");
    const sets = [app.Requirements.Sets.Set]
      .flat()
      .map((s: Record<string, string>) => `${s["@_Name"]} ${s["@_MinVersion"]}`);
    expect(sets).toEqual(["ExcelApi 1.7", "CustomFunctionsRuntime 1.2"]);
  });

  test("the ribbon group has Evaluate KPIs and Show pane", () => {
    const group = app.VersionOverrides.Hosts.Host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group;
    const controls = [group.Control]
      .flat()
      .map((c: { Label: Record<string, string>; Action: Record<string, string> }) => [
        defined.get(c.Label["@_resid"]),
        c.Action["@_type"],
      ]);
    expect(controls).toEqual([
      ["Evaluate KPIs", "ExecuteFunction"],
      ["Show pane", "ShowTaskpane"],
    ]);
  });

  test("the built functions.json links its help to the host the built manifest names", () => {
    const built = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    const host = /<SourceLocation DefaultValue="(https:\/\/[^/]+\/)taskpane\.html"/.exec(built)![1];
    const functions = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8"))
      .functions as { id: string; helpUrl: string }[];
    for (const f of functions) expect(f.helpUrl).toBe(`${host}help.html#kpi${f.id.toLowerCase()}`);
  });

  test("no AppDomains element: pages load only from the add-in's own host, and an empty one fails the schema", () => {
    expect(xml).not.toMatch(/<AppDomains\s*\/>|<AppDomains>\s*<\/AppDomains>/);
    expect(app.AppDomains).toBeUndefined();
  });

  test("the Id is a canonical GUID and not the nil GUID", () => {
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(app.Id).not.toBe("00000000-0000-0000-0000-000000000000");
  });

  test("every URL is https, with no plain http anywhere", () => {
    const urls = attributes(app, "DefaultValue").filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    expect(xml.replace(/xmlns(:\w+)?="http:\/\/[^"]*"/g, "")).not.toMatch(/http:\/\//);
  });

  test("short strings fit 125 characters and long strings 250", () => {
    const short = [resources.ShortStrings.String].flat().map((s) => s["@_DefaultValue"]);
    const long = [resources.LongStrings.String].flat().map((s) => s["@_DefaultValue"]);
    expect(short.filter((s: string) => s.length > 125)).toEqual([]);
    expect(long.filter((s: string) => s.length > 250)).toEqual([]);
    expect(app.Description["@_DefaultValue"].length).toBeLessThanOrEqual(250);
  });

  test("each icon file has the pixel size the manifest declares", () => {
    /** Width and height from a PNG's IHDR chunk. */
    const pngSize = (url: string): string => {
      const png = readFileSync(path.join(root, new URL(url).pathname));
      return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
    };
    const images = [resources.Images.Image].flat();
    expect(images.map((i) => [i["@_id"], pngSize(i["@_DefaultValue"])])).toEqual([
      ["Icon.16x16", "16x16"],
      ["Icon.32x32", "32x32"],
      ["Icon.80x80", "80x80"],
    ]);
    expect(pngSize(app.IconUrl["@_DefaultValue"])).toBe("32x32");
    expect(pngSize(app.HighResolutionIconUrl["@_DefaultValue"])).toBe("64x64");
  });

  test("every URL points at a file the build emits", () => {
    expect(existsSync(dist)).toBe(true);
    const urls = [...defined.values(), ...attributes(app, "DefaultValue")].filter((v) =>
      v.startsWith("https://localhost:3000/")
    );
    const missing = urls
      .map((u) => u.replace("https://localhost:3000/", "").split("#")[0])
      .filter((file) => !existsSync(path.join(dist, file)));
    expect(urls.length).toBeGreaterThan(8);
    expect(missing).toEqual([]);
  });
});
