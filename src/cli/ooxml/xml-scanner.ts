import * as M from "../messages";
import { LIMITS } from "./limits";
import { PackageError } from "./package-error";

/** Attributes of one element by local name (`r:id` → `id`); namespace declarations left out. */
export type Attributes = Record<string, string>;

/** What a part reader does with the elements it meets; names are local names (`x:c` → `c`). */
export interface XmlHandler {
  open(name: string, attributes: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * The same events as bytes, for a reader that decodes only what it keeps (a worksheet's cells).
 * `text` gets the raw UTF-8 bytes `[start, end)` of `bytes`, or `decoded` when those bytes are not the
 * text itself (entity references, CDATA). The bytes stay valid after the call: buffers are never reused.
 */
export interface XmlTokenHandler {
  open(name: string, tag: StartTag, selfClosing: boolean): void;
  close(name: string): void;
  text(bytes: Buffer, start: number, end: number, decoded: string | undefined): void;
}

/** The attributes of the start tag being reported, read in place; valid during `open` only. */
export class StartTag {
  bytes: Buffer = Buffer.alloc(0);
  count = 0;
  readonly keyStart: number[] = [];
  readonly keyEnd: number[] = [];
  readonly valueStart: number[] = [];
  readonly valueEnd: number[] = [];
  /** The value with its entity references replaced, when it holds any. */
  readonly decoded: (string | undefined)[] = [];

  /** Index of the attribute with this (ASCII) local name, or -1. */
  find(name: string): number {
    const bytes = this.bytes;
    next: for (let i = 0; i < this.count; i++) {
      const start = this.keyStart[i];
      if (this.keyEnd[i] - start !== name.length) continue;
      for (let k = 0; k < name.length; k++)
        if (bytes[start + k] !== name.charCodeAt(k)) continue next;
      return i;
    }
    return -1;
  }

  value(index: number): string {
    return (
      this.decoded[index] ??
      this.bytes.toString("utf8", this.valueStart[index], this.valueEnd[index])
    );
  }

  attributes(): Attributes {
    const attributes: Attributes = {};
    for (let i = 0; i < this.count; i++)
      attributes[this.bytes.toString("utf8", this.keyStart[i], this.keyEnd[i])] = this.value(i);
    return attributes;
  }
}

/** An element name met in the part: one object per distinct name, compared by identity. */
interface XmlName {
  readonly name: string;
  readonly bytes: Uint8Array;
  next: XmlName | undefined;
}

/** Names given as literals, so handlers compare them with `===` against their own literals cheaply. */
const KNOWN_NAMES = [
  "worksheet",
  "sheetData",
  "row",
  "c",
  "v",
  "f",
  "is",
  "r",
  "t",
  "rPh",
  "rPr",
  "tableParts",
  "tablePart",
  "sst",
  "si",
];

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const LT = 60;
const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const QUOTE = 34;
const APOSTROPHE = 39;
const AMPERSAND = 38;
const EQUALS = 61;
const COLON = 58;
/** Bytes of a new chunk joined to the unfinished token of the last one before trying to finish it. */
const BRIDGE = 4096;
const XMLNS = [120, 109, 108, 110, 115];

function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * A streaming, non-validating XML tokenizer for package parts, fed the inflated bytes in chunks of any
 * size (a tag, a text or a multibyte character may span two: an unfinished token waits for the next
 * chunk). It works on the UTF-8 bytes and decodes only what a handler asks for. It refuses any
 * DOCTYPE, so no entity can be declared: external entities (XXE) and entity expansion (billion laughs)
 * cannot happen, and an undeclared entity reference is an error. It checks that tags nest, so a
 * damaged part is reported, not half-read.
 */
export class XmlScanner {
  private buffer: Buffer = Buffer.alloc(0);
  private position = 0;
  private readonly stack: XmlName[] = [];
  private rootSeen = false;
  private started = false;
  private readonly names = new Map<number, XmlName>();
  /** One-letter names (`c`, `v`: most tags of a worksheet) by their byte, without hashing. */
  private readonly letters: (XmlName | undefined)[] = new Array<XmlName | undefined>(256).fill(
    undefined
  );
  private readonly tag = new StartTag();

  constructor(
    private readonly part: string,
    private readonly handler: XmlTokenHandler
  ) {
    for (const name of KNOWN_NAMES) this.intern(name, hashOf(name), Buffer.from(name, "latin1"));
  }

  write(chunk: Buffer): void {
    // The unfinished token the last chunk ended in.
    let rest = this.buffer.subarray(this.position);
    if (rest.length > 0 && chunk.length > BRIDGE) {
      // Finished from a short bridge (its bytes and the start of this chunk), so the chunk itself is
      // then scanned where it lies instead of being copied behind them.
      this.buffer = Buffer.concat([rest, chunk.subarray(0, BRIDGE)]);
      this.position = 0;
      this.scan(false, rest.length);
      if (this.position >= rest.length) {
        this.buffer = chunk;
        this.position -= rest.length;
        this.scan(false);
        return;
      }
      rest = this.buffer.subarray(this.position, rest.length);
    }
    // Always a fresh buffer (never a reused one): handlers may keep byte ranges of earlier chunks.
    this.buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    this.position = 0;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    const rest = this.buffer;
    for (let at = this.position; at < rest.length; at++)
      if (!isSpace(rest[at])) this.fail(M.XML_ENDS_IN_TAG);
    if (this.stack.length > 0) this.fail(M.xmlEndsEarly(this.stack[this.stack.length - 1].name));
    if (!this.rootSeen) this.fail(M.NO_XML);
  }

  /** Reads every finished token; with `until`, stops at the first one that starts there or later. */
  private scan(final: boolean, until = Infinity): void {
    const bytes = this.buffer;
    const length = bytes.length;
    let at = this.position;
    if (!this.started) {
      if (length < 3 && !final) return;
      this.started = true;
      // A UTF-8 byte order mark.
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) at = 3;
    }
    while (at < length && at < until) {
      if (bytes[at] !== LT) {
        let end = at;
        let entity = false;
        for (; end < length; end++) {
          const c = bytes[end];
          if (c === LT) break;
          if (c === AMPERSAND) entity = true;
        }
        if (end === length && !final) break;
        this.emitText(bytes, at, end, entity);
        at = end;
        continue;
      }
      if (at + 1 >= length) break;
      const next = bytes[at + 1];
      if (next === QUESTION) {
        const end = bytes.indexOf("?>", at + 2);
        if (end < 0) break;
        at = end + 2;
      } else if (next === BANG) {
        if (startsWith(bytes, at, "<!--")) {
          const end = bytes.indexOf("-->", at + 4);
          if (end < 0) break;
          at = end + 3;
        } else if (startsWith(bytes, at, "<![CDATA[")) {
          const end = bytes.indexOf("]]>", at + 9);
          if (end < 0) break;
          if (this.stack.length > 0)
            this.handler.text(bytes, at + 9, end, bytes.toString("utf8", at + 9, end));
          at = end + 3;
        } else {
          if (length - at < 9 && !final) break;
          this.fail(startsWith(bytes, at, "<!DOCTYPE") ? M.DOCTYPE_DECLARED : M.MARKUP_DECLARATION);
        }
      } else if (next === SLASH) {
        const end = this.endTag(bytes, at + 2);
        if (end < 0) break;
        at = end + 1;
      } else {
        const end = this.startTag(bytes, at + 1);
        if (end < 0) break;
        at = end + 1;
      }
    }
    this.position = at;
    if (length - at > LIMITS.tokenChars) this.fail(M.TOKEN_TOO_LONG);
  }

  /** `</name>` from just after `</`: the index of its `>`, or -1 when the chunk ends first. */
  private endTag(bytes: Buffer, from: number): number {
    const length = bytes.length;
    let hash = 0;
    let local = from;
    let at = from;
    for (; at < length; at++) {
      const c = bytes[at];
      if (c === GT || isSpace(c)) break;
      if (c === COLON) {
        hash = 0;
        local = at + 1;
      } else hash = (hash * 31 + c) | 0;
    }
    const nameEnd = at;
    while (at < length && isSpace(bytes[at])) at++;
    if (at >= length) return -1;
    const name = this.lookup(bytes, local, nameEnd, hash);
    if (bytes[at] !== GT) this.fail(M.endTagHoldsMore(name.name));
    const open = this.stack.pop();
    if (open !== name) this.fail(M.wrongEndTag(name.name, open?.name));
    this.handler.close(name.name);
    return at;
  }

  /**
   * The start tag from just after `<`: its name and attributes are read into `this.tag` in one pass,
   * and the handler told once the whole tag is there. The index of its `>`, or -1 when the chunk ends first.
   */
  private startTag(bytes: Buffer, from: number): number {
    const length = bytes.length;
    let hash = 0;
    let local = from;
    let at = from;
    for (; at < length; at++) {
      const c = bytes[at];
      if (c === GT || c === SLASH || isSpace(c)) break;
      if (c === COLON) {
        hash = 0;
        local = at + 1;
      } else hash = (hash * 31 + c) | 0;
    }
    if (at >= length) return -1;
    const nameEnd = at;
    if (nameEnd === from) this.fail(M.UNNAMED_TAG);
    const tag = this.tag;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (at < length && isSpace(bytes[at])) at++;
      if (at >= length) return -1;
      const c = bytes[at];
      if (c === GT) break;
      if (c === SLASH) {
        if (at + 1 >= length) return -1;
        if (bytes[at + 1] !== GT) this.fail(M.straySlash(this.nameText(bytes, local, nameEnd)));
        selfClosing = true;
        at++;
        break;
      }
      // key [spaces] = [spaces] quoted value
      const keyStart = at;
      let keyLocal = at;
      for (; at < length; at++) {
        const k = bytes[at];
        if (k === EQUALS || k === GT || k === SLASH || isSpace(k)) break;
        if (k === COLON) keyLocal = at + 1;
      }
      const keyEnd = at;
      while (at < length && isSpace(bytes[at])) at++;
      if (at >= length) return -1;
      if (bytes[at] !== EQUALS)
        this.fail(M.attributeWithoutValue(this.nameText(bytes, local, nameEnd)));
      at++;
      while (at < length && isSpace(bytes[at])) at++;
      if (at >= length) return -1;
      const quote = bytes[at];
      if (quote !== QUOTE && quote !== APOSTROPHE)
        this.fail(
          M.attributeNotQuoted(
            bytes.toString("utf8", keyStart, keyEnd),
            this.nameText(bytes, local, nameEnd)
          )
        );
      const valueStart = ++at;
      let entity = false;
      for (; at < length; at++) {
        const v = bytes[at];
        if (v === quote) break;
        if (v === AMPERSAND) entity = true;
        else if (v === LT)
          this.fail(
            M.attributeNotClosed(
              bytes.toString("utf8", keyStart, keyEnd),
              this.nameText(bytes, local, nameEnd)
            )
          );
      }
      if (at >= length) return -1;
      const valueEnd = at++;
      if (!isNamespaceDeclaration(bytes, keyStart, keyEnd)) {
        tag.keyStart[count] = keyLocal;
        tag.keyEnd[count] = keyEnd;
        tag.valueStart[count] = valueStart;
        tag.valueEnd[count] = valueEnd;
        tag.decoded[count] = entity
          ? this.decode(bytes.toString("utf8", valueStart, valueEnd))
          : undefined;
        count++;
      }
    }
    const name = this.lookup(bytes, local, nameEnd, hash);
    if (this.stack.length === 0 && this.rootSeen) this.fail(M.TWO_ROOTS);
    this.rootSeen = true;
    if (!selfClosing) this.stack.push(name);
    tag.bytes = bytes;
    tag.count = count;
    this.handler.open(name.name, tag, selfClosing);
    if (selfClosing) this.handler.close(name.name);
    return at;
  }

  private emitText(bytes: Buffer, start: number, end: number, entity: boolean): void {
    if (start === end) return;
    if (this.stack.length === 0) {
      for (let at = start; at < end; at++) if (!isSpace(bytes[at])) this.fail(M.TEXT_OUTSIDE_ROOT);
      return;
    }
    this.handler.text(
      bytes,
      start,
      end,
      entity ? this.decode(bytes.toString("utf8", start, end)) : undefined
    );
  }

  /** The element name in `bytes[start, end)`, one object per distinct name. */
  private lookup(bytes: Buffer, start: number, end: number, hash: number): XmlName {
    const length = end - start;
    if (length === 1) {
      const letter = this.letters[bytes[start]];
      if (letter !== undefined) return letter;
    }
    let entry = this.names.get(hash);
    next: for (; entry !== undefined; entry = entry.next) {
      const known = entry.bytes;
      if (known.length !== length) continue;
      for (let i = 0; i < length; i++) if (known[i] !== bytes[start + i]) continue next;
      return entry;
    }
    return this.intern(
      bytes.toString("utf8", start, end),
      hash,
      Uint8Array.prototype.slice.call(bytes, start, end)
    );
  }

  private intern(name: string, hash: number, bytes: Uint8Array): XmlName {
    const entry: XmlName = { name, bytes, next: this.names.get(hash) };
    this.names.set(hash, entry);
    if (bytes.length === 1) this.letters[bytes[0]] = entry;
    return entry;
  }

  private nameText(bytes: Buffer, start: number, end: number): string {
    return bytes.toString("utf8", start, end);
  }

  private decode(raw: string): string {
    return raw.replace(/&([^;&\s]*);?/g, (whole, entity: string) => {
      if (!whole.endsWith(";")) this.fail(M.bareAmpersand(whole));
      if (entity.startsWith("#")) {
        const code =
          entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        if (!Number.isFinite(code) || code < 0 || code > 0x10ffff)
          this.fail(M.badCharacterReference(entity));
        return String.fromCodePoint(code);
      }
      const predefined = PREDEFINED[entity];
      if (predefined === undefined) this.fail(M.undeclaredEntity(entity));
      return predefined;
    });
  }

  private fail(why: string): never {
    throw new PackageError(M.notWellFormed(this.part, why));
  }
}

/** The byte events turned into text events, for parts read whole into strings. */
export function textEvents(handler: XmlHandler): XmlTokenHandler {
  return {
    open: (name, tag, selfClosing) => handler.open(name, tag.attributes(), selfClosing),
    close: (name) => handler.close(name),
    text: (bytes, start, end, decoded) =>
      handler.text(decoded ?? bytes.toString("utf8", start, end)),
  };
}

function startsWith(bytes: Buffer, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** `xmlns` or `xmlns:…`. */
function isNamespaceDeclaration(bytes: Buffer, start: number, end: number): boolean {
  const length = end - start;
  if (length < 5 || (length > 5 && bytes[start + 5] !== COLON)) return false;
  for (let i = 0; i < 5; i++) if (bytes[start + i] !== XMLNS[i]) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
