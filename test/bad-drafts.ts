import { generateDraft } from '../bench/generate-draft.js';

/** Bytes of a PNG image's header: what a mis-named scan or screenshot starts with. */
export const BINARY_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]);

/** A Latin-1 draft ("Olé drinks"): not valid UTF-8. */
export const LATIN1_BYTES = Uint8Array.from([0x4f, 0x6c, 0xe9, 0x20, 0x64, 0x72, 0x69, 0x6e, 0x6b, 0x73, 0x0a]);

/** A UTF-8 draft cut off in the middle of a character. */
export const TRUNCATED_UTF8_BYTES = Uint8Array.from([...new TextEncoder().encode('He said he drinks caf'), 0xc3]);

/** Text with a NUL byte in the middle of a sentence (a draft pasted from a binary source). */
export const NUL_TEXT = '## Offence analysis\n\nHe said he \u0000drinks a pint a day.\n';

/** Roughly `bytes` characters of realistic Markdown report text, built from the benchmark's generator. */
export function draftOfSize(bytes: number, seed = 100): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < bytes; index++) {
    const part = generateDraft(20_000, seed + index);
    parts.push(part);
    length += part.length;
  }
  return parts.join('\n');
}

/** A draft of about five megabytes. */
export function fiveMegabyteDraft(): string {
  return draftOfSize(5 * 1024 * 1024);
}

/** A realistic draft of 50,000 words. */
export function fiftyThousandWordDraft(): string {
  return generateDraft(50_000, 50_000);
}

/** A draft of 10,000 headings, each with a short paragraph. */
export function tenThousandHeadings(): string {
  return Array.from({ length: 10_000 }, (_, index) => `## ${index % 7 === 0 ? 'Risk analysis' : `Part ${index}`}\n\nHe said he drinks ${index} pints.\n`).join('\n');
}

/** One line of 200,000 characters: sentences run together with no line break. */
export function longLine(): string {
  const sentence = 'He said he drinks wine with his partner, and there is no risk to children. ';
  return sentence.repeat(Math.ceil(200_000 / sentence.length)).slice(0, 200_000);
}
