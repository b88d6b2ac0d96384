/** Bytes decoded as UTF-8 text, or why they are not UTF-8 and where (1-based line and column). */
export type DecodedText = { ok: true; text: string } | { ok: false; reason: string; line: number; column: number };

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
const SAVE = 'save it as UTF-8';

/** Byte order marks of encodings other than UTF-8, longest first so UTF-32 is not taken for UTF-16. */
const FOREIGN_MARKS: ReadonlyArray<readonly [string, number[]]> = [
  ['UTF-32', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16', [0xff, 0xfe]],
  ['UTF-16', [0xfe, 0xff]],
];

/**
 * Decodes a configuration or pack file: UTF-8, with a UTF-8 byte order mark
 * dropped. A UTF-16 or UTF-32 file (by its byte order mark), a NUL byte (UTF-16
 * without a mark, or not text) and invalid UTF-8 are refused, at the place.
 */
export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  for (const [name, mark] of FOREIGN_MARKS) {
    if (mark.every((byte, index) => bytes[index] === byte)) return { ok: false, reason: `is saved as ${name} (it starts with a ${name} byte order mark); ${SAVE}`, line: 1, column: 1 };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `holds a NUL byte, so it is not UTF-8 text (UTF-16 saved without a byte order mark?); ${SAVE}`, ...positionOfByte(bytes, nul) };
  try {
    const text = strict.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
    return { ok: false, reason: `is not valid UTF-8 here (byte 0x${byte}; perhaps saved as Latin-1 or Windows-1252); ${SAVE}`, ...positionOfByte(bytes, at) };
  }
}

/** The 1-based line and column (in UTF-16 code units, as editors count) of a byte offset. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: lenient.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence (its length when all are well formed). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index];
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return index;
}
