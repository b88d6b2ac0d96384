import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';

/** The file system path of a `file:` URI, or undefined for untitled and virtual documents. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a path. */
export function uriOfPath(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** The workspace folders the editor has open (multi-root aware), for relative globs and pack paths. */
export class WorkspaceFolders {
  private folders: string[] = [];

  /** Replaces the folder list (from `initialize`). */
  set(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const uris = folders?.map((folder) => folder.uri) ?? (rootUri ? [rootUri] : []);
    this.folders = uris.map(filePathOf).filter((folder): folder is string => folder !== undefined);
  }

  /** Applies an added/removed event. */
  change(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)));
    const added = event.added.map((folder) => filePathOf(folder.uri)).filter((folder): folder is string => folder !== undefined);
    this.folders = [...this.folders.filter((folder) => !removed.has(folder)), ...added];
  }

  /** The innermost folder holding a path, else the first folder (for untitled drafts), else undefined. */
  folderOf(filePath: string | undefined): string | undefined {
    if (!filePath) return this.folders[0];
    const holding = this.folders.filter((folder) => filePath === folder || filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
    return holding.sort((a, b) => b.length - a.length)[0];
  }
}
