import { readPart } from "./part-reader";
import type { ZipArchive } from "./zip-archive";

/** One relationship of a part, its target resolved to a part name (`xl/worksheets/sheet1.xml`). */
export interface Relationship {
  readonly id: string;
  /** The last segment of the type URI (`worksheet`, `table`…), the same in transitional and strict. */
  readonly type: string;
  readonly part: string;
  readonly external: boolean;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A part's relationships by id; a part without a relationships part has none. */
export async function readRelationships(
  archive: ZipArchive,
  source: string
): Promise<Map<string, Relationship>> {
  const rels = relationshipsPart(source);
  const found = new Map<string, Relationship>();
  if (!archive.has(rels)) return found;
  await readPart(archive, rels, {
    open(name, attributes) {
      if (name !== "Relationship" || !attributes.Id || attributes.Target === undefined) return;
      const external = attributes.TargetMode === "External";
      found.set(attributes.Id, {
        id: attributes.Id,
        type: (attributes.Type ?? "").replace(/^.*\//, ""),
        part: external ? attributes.Target : resolvePartName(source, attributes.Target),
        external,
      });
    },
    close() {},
    text() {},
  });
  return found;
}

/** A relationship target relative to its source part (or absolute from the package root), normalised. */
export function resolvePartName(source: string, target: string): string {
  let path: string;
  try {
    path = decodeURIComponent(target);
  } catch {
    path = target;
  }
  const segments = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}
