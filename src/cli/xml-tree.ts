import { XMLParser, XMLValidator } from "fast-xml-parser";
import * as M from "./messages";

/**
 * The few package parts the writer edits (workbook.xml, its relationships, the content types) as an
 * ordered tree: parsed by a real XML parser, so either quote style, entities and namespace prefixes
 * read right, and written back with every element, attribute and comment it held.
 */

/** A node as fast-xml-parser's ordered mode gives it: `{ "x:sheet": [children], ":@": {attributes} }`. */
export type XmlNode = { [name: string]: XmlNode[] | Record<string, string> | string };

export class XmlError extends Error {}

const OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Numeric character references (&#10;) are XML; named HTML ones never occur in a valid part.
  htmlEntities: true,
  commentPropName: "#comment",
  cdataPropName: "#cdata",
} as const;

const ATTRIBUTES = ":@";
const TEXT = "#text";

/** Parses a part; refuses malformed XML and any DOCTYPE (OOXML has none; entities are an attack). */
export function parseXml(xml: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(xml)) throw new XmlError(M.DOCTYPE_REFUSED);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlError(M.xmlInvalid(valid.err.msg, valid.err.line));
  return new XMLParser(OPTIONS).parse(xml) as XmlNode[];
}

/** The element's tag, prefix included (`x:sheet`); undefined for text, comments and CDATA. */
export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ATTRIBUTES && !k.startsWith("#"));
}

/** `sheet` for `x:sheet` or `sheet`: parts may use any prefix for their namespace. */
export function localName(node: XmlNode): string | undefined {
  const tag = tagOf(node);
  return tag === undefined ? undefined : tag.slice(tag.indexOf(":") + 1);
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  return tag === undefined ? [] : (node[tag] as XmlNode[]);
}

export function elements(node: XmlNode, name: string): XmlNode[] {
  return childrenOf(node).filter((child) => localName(child) === name);
}

export function element(node: XmlNode, name: string): XmlNode | undefined {
  return childrenOf(node).find((child) => localName(child) === name);
}

/** The document's root element. */
export function rootOf(document: XmlNode[], name: string): XmlNode {
  const root = document.find((node) => tagOf(node) !== undefined && !tagOf(node)!.startsWith("?"));
  if (!root || localName(root) !== name) throw new XmlError(M.noRootElement(name));
  return root;
}

/** An attribute by its qualified name (`r:id` as written in the part). */
export function attributeOf(node: XmlNode, name: string): string | undefined {
  return (node[ATTRIBUTES] as Record<string, string> | undefined)?.[name];
}

/** An attribute whose local name is `name`, whatever its prefix (`r:id`, `ns2:id`). */
export function prefixedAttribute(node: XmlNode, name: string): string | undefined {
  const attributes = (node[ATTRIBUTES] as Record<string, string> | undefined) ?? {};
  const key = Object.keys(attributes).find((k) => k.slice(k.indexOf(":") + 1) === name);
  return key === undefined ? undefined : attributes[key];
}

export function setAttribute(node: XmlNode, name: string, value: string): void {
  const attributes = (node[ATTRIBUTES] as Record<string, string> | undefined) ?? {};
  attributes[name] = value;
  node[ATTRIBUTES] = attributes;
}

/** The text an element holds (a defined name's formula). */
export function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((child) => (TEXT in child ? String(child[TEXT]) : ""))
    .join("");
}

/** The namespace prefix the element uses (`x` for `x:sheet`, "" when unprefixed). */
export function prefixOf(node: XmlNode): string {
  const tag = tagOf(node) ?? "";
  const colon = tag.indexOf(":");
  return colon < 0 ? "" : tag.slice(0, colon);
}

/** A new element in the same namespace prefix as `sibling`. */
export function newElement(
  sibling: XmlNode,
  name: string,
  attributes: Record<string, string>,
  children: XmlNode[] = []
): XmlNode {
  const prefix = prefixOf(sibling);
  return { [prefix ? `${prefix}:${name}` : name]: children, [ATTRIBUTES]: { ...attributes } };
}

export function textNode(text: string): XmlNode {
  return { [TEXT]: text };
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values keep tabs and line breaks as character references, which parsing would flatten. */
function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** One node as XML text, without a declaration. */
export function serializeNode(node: XmlNode): string {
  if (TEXT in node) return escapeText(String(node[TEXT]));
  if ("#comment" in node) return `<!--${textOf({ c: node["#comment"] })}-->`;
  if ("#cdata" in node) return `<![CDATA[${textOf({ c: node["#cdata"] })}]]>`;
  const tag = tagOf(node);
  if (tag === undefined) return "";
  const attributes = Object.entries((node[ATTRIBUTES] as Record<string, string>) ?? {})
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join("");
  if (tag.startsWith("?")) return `<${tag}${attributes}?>\n`;
  const children = node[tag] as XmlNode[];
  if (children.length === 0) return `<${tag}${attributes}/>`;
  return `<${tag}${attributes}>${children.map(serializeNode).join("")}</${tag}>`;
}

/** The document as XML text, declaration first. */
export function serializeXml(document: XmlNode[]): string {
  const body = document.map(serializeNode).join("");
  return body.startsWith("<?xml")
    ? body
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
}
