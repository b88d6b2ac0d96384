import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * What one lint of an open draft is for: which opening of the draft, which
 * version of its text, and which configuration generation. Captured when the
 * lint is scheduled and never changed; a result is current only while its key
 * is the draft's key.
 */
export interface LintKey {
  /** Counts openings of drafts, so a draft closed and opened again (at version 1 again) gets new keys. */
  readonly opening: number;
  /** The document version the editor gave. */
  readonly version: number;
  /** Bumped whenever settings, configuration files, packs or workspace folders change. */
  readonly generation: number;
}

/** A key for text that is not open in the editor (files linted from disk); never current. */
export const DISK_KEY: LintKey = Object.freeze({ opening: 0, version: 0, generation: -1 });

/**
 * The keys of the open drafts, and the one test of whether a lint result is
 * still current, used before any result is stored, published or served.
 */
export class LintKeys {
  private generation = 0;
  private openings = 0;
  private readonly opened = new Map<string, number>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** A draft was opened: its lints get keys of a new opening. */
  open(uri: string): void {
    this.opened.set(uri, ++this.openings);
  }

  /** A draft was closed: no key of it is current any more. */
  close(uri: string): void {
    this.opened.delete(uri);
  }

  /** Settings, configuration or packs changed: every key made before now is stale, so running lints stop and their results are dropped. */
  invalidate(): void {
    this.generation++;
  }

  /** The key of a lint of an open draft as it stands now; undefined when it is not open. */
  now(uri: string): LintKey | undefined {
    const document = this.documents.get(uri);
    const opening = this.opened.get(uri);
    if (!document || opening === undefined) return undefined;
    return Object.freeze({ opening, version: document.version, generation: this.generation });
  }

  /**
   * Whether a result made under `key` is current: same opening, same
   * configuration generation and (unless `anyVersion`, for drafts checked on
   * save only) same document version.
   */
  isCurrent(uri: string, key: LintKey, anyVersion = false): boolean {
    const now = this.now(uri);
    return now !== undefined && now.opening === key.opening && now.generation === key.generation && (anyVersion || now.version === key.version);
  }

  /** Whether two keys are the same. */
  static same(a: LintKey | undefined, b: LintKey | undefined): boolean {
    return a !== undefined && b !== undefined && a.opening === b.opening && a.version === b.version && a.generation === b.generation;
  }

  /** The pull `resultId` of a result: its key, marked when the result covers only the part of the draft read so far. */
  static resultId(key: LintKey, partial: boolean): string {
    return `${key.opening}.${key.version}.${key.generation}${partial ? '.partial' : ''}`;
  }
}
