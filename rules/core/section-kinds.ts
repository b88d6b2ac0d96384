import { tokenize } from './tokens.js';

/** The canonical kind of a section, or `unknown` for a heading that names none. */
export type SectionKind = string;

/** Folds a heading or phrase into the stems the classifier compares, leaving out stop words (as stems), numbers and section codes ("R10.2", "S3"). */
export function titleStems(title: string, stopWords: ReadonlySet<string>): string[] {
  return title
    .split(/[^\p{L}\p{N}'\u2019-]+/u)
    .filter(Boolean)
    .map((word) => tokenize(word).stem)
    .filter((stem) => !stopWords.has(stem) && !/\d/.test(stem));
}

/** Heading wordings compiled to stems, for one table of synonyms. */
export class SectionClassifier {
  private readonly phrases: Array<{ kind: string; stems: string[] }> = [];

  /** Compiles the wordings of each kind; `stopWords` (stems) are left out of headings and wordings alike. */
  constructor(
    synonyms: Readonly<Record<string, readonly string[]>>,
    private readonly stopWords: ReadonlySet<string>,
  ) {
    for (const [kind, wordings] of Object.entries(synonyms)) {
      for (const wording of wordings) {
        const stems = titleStems(wording, stopWords);
        if (stems.length > 0) this.phrases.push({ kind, stems });
      }
    }
  }

  private readonly known = new Map<string, SectionKind>();

  /** The kind whose wording the title contains with the most words; ties go to the earliest in the title. */
  classify(title: string): SectionKind {
    let kind = this.known.get(title);
    if (kind === undefined) {
      kind = this.compare(title);
      if (this.known.size > 5_000) this.known.clear();
      this.known.set(title, kind);
    }
    return kind;
  }

  /** The kind one of whose wordings is the whole title (no other words), or 'unknown': for lines that are headings only if they name a section outright. */
  classifyWhole(title: string): SectionKind {
    let kind = this.knownWhole.get(title);
    if (kind === undefined) {
      const stems = titleStems(title, this.stopWords);
      kind = this.phrases.find((candidate) => candidate.stems.length === stems.length && candidate.stems.every((stem, index) => stem === stems[index]))?.kind ?? 'unknown';
      if (this.knownWhole.size > 5_000) this.knownWhole.clear();
      this.knownWhole.set(title, kind);
    }
    return kind;
  }

  private readonly knownWhole = new Map<string, SectionKind>();

  private compare(title: string): SectionKind {
    const stems = titleStems(title, this.stopWords);
    let best: { kind: string; length: number; at: number } | undefined;
    for (const phrase of this.phrases) {
      const at = indexOfRun(stems, phrase.stems);
      if (at < 0) continue;
      const length = phrase.stems.length;
      if (!best || length > best.length || (length === best.length && at < best.at)) best = { kind: phrase.kind, length, at };
    }
    return best?.kind ?? 'unknown';
  }
}

function indexOfRun(haystack: string[], needle: string[]): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) if (haystack[start + offset] !== needle[offset]) continue outer;
    return start;
  }
  return -1;
}
