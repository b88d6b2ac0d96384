import { inflateRawSync } from 'node:zlib';

/** The XML parts of a Word draft (text, styles, lists, notes, relationships) may unpack to this many bytes in all: mammoth converts about a megabyte a second, and a long report has well under a megabyte. */
export const MAX_DOCX_XML_BYTES = 4 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const ZIP64_MARK = 0xffffffff;

/** One file inside a zip archive, as its central directory describes it. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const MEGABYTE = 1024 * 1024;

/** The entries of a zip archive's central directory, or undefined when the bytes hold no readable directory. */
function zipEntries(bytes: Buffer): ZipEntry[] | undefined {
  let end = -1;
  for (let at = bytes.length - END_RECORD_LENGTH; at >= Math.max(0, bytes.length - END_RECORD_LENGTH - MAX_COMMENT_LENGTH); at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header, or undefined when they lie outside the file. */
function entryData(bytes: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) return undefined;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  return start + entry.compressedSize <= bytes.length ? bytes.subarray(start, start + entry.compressedSize) : undefined;
}

/** True for the parts mammoth reads as XML (pictures and embedded files are never read). */
function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/**
 * Why a Word draft must not be converted (its XML would inflate to more than
 * MAX_DOCX_XML_BYTES, or its directory does not tell the truth about its
 * sizes), or undefined when it is safe to hand to mammoth. The declared sizes
 * are checked first; then each XML part is inflated with its declared size as
 * a hard limit, so a part that claims to be small cannot grow while it is read.
 */
export function docxSizeProblem(bytes: Buffer): string | undefined {
  const entries = zipEntries(bytes);
  // Not a zip archive: mammoth says so in its own words.
  if (!entries) return undefined;
  const parts = entries.filter((entry) => isXmlPart(entry.name));
  if (parts.some((entry) => entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK)) return 'is a Word document too large to check (its parts are over 4 GB); split it into smaller documents';
  const declared = parts.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > MAX_DOCX_XML_BYTES) {
    return `unpacks to ${(declared / MEGABYTE).toFixed(1)} MB of Word XML; Word drafts over ${MAX_DOCX_XML_BYTES / MEGABYTE} MB unpacked are skipped, split it into smaller documents`;
  }
  for (const entry of parts) {
    const data = entryData(bytes, entry);
    if (!data) return undefined;
    if (entry.method === STORED) {
      if (entry.compressedSize !== entry.size) return lyingSizes(entry);
      continue;
    }
    if (entry.method !== DEFLATED) continue;
    try {
      const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      if (inflated.length !== entry.size) return lyingSizes(entry);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return lyingSizes(entry);
      // Corrupt data: mammoth reports the document as unreadable.
      return undefined;
    }
  }
  return undefined;
}

function lyingSizes(entry: ZipEntry): string {
  return `is not a sound Word document (its part ${entry.name} holds more than the size it declares); open it in Word and save it again as .docx`;
}
