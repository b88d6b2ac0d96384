import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { decodeUtf8Text } from './utf8-text.js';

/** Why a configuration, pack, docs page or lock file was not read, and where in it when the bytes are at fault. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** The system error code (ENOENT, EACCES…) when the file could not be opened. */
    readonly code?: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

const CHUNK_BYTES = 64 * 1024;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function linkNote(file: string): string {
  try {
    return lstatSync(file).isSymbolicLink() ? ` (a symbolic link to ${realpathSync(file)})` : '';
  } catch {
    return '';
  }
}

function systemReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (a link that points at itself?)';
    default:
      return error.message;
  }
}

/**
 * Reads a file's bytes only when it is a regular file (symbolic links are
 * followed, and the file opened is checked again, so a pipe or device swapped
 * in meanwhile is never read) of at most `maxBytes`; never blocks on a pipe
 * and never reads more than `maxBytes + 1` bytes. `what` names the file in
 * messages ("configuration", "pack"). Throws UnreadableFileError.
 */
export function readRegularFile(file: string, maxBytes: number, what: string): Buffer {
  const refuse = (stats: Stats) => {
    if (!stats.isFile()) throw new UnreadableFileError(file, `this ${what} is ${kindOf(stats)}${linkNote(file)}, not a regular file; only regular files are read`, 'ENOTREG');
    if (stats.size > maxBytes) throw tooLarge(file, what, stats.size, maxBytes);
  };
  let fd: number;
  try {
    refuse(statSync(file));
    // O_NONBLOCK: should a pipe replace the file between the check and the open, opening it does not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const failure = error as NodeJS.ErrnoException;
    throw new UnreadableFileError(file, `cannot read this ${what}: ${systemReason(failure)}`, failure.code);
  }
  try {
    refuse(fstatSync(fd));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge(file, what, total, maxBytes);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const failure = error as NodeJS.ErrnoException;
    throw new UnreadableFileError(file, `cannot read this ${what}: ${systemReason(failure)}`, failure.code);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, what: string, size: number, maxBytes: number): UnreadableFileError {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : maxBytes >= 1024 ? `${Math.round(maxBytes / 1024)} KB` : `${maxBytes} bytes`;
  return new UnreadableFileError(file, `this ${what} is ${Math.ceil(size / 1024)} KB; ${what}s over ${limit} are refused`, 'EFBIG');
}

/**
 * Reads a regular file as UTF-8 text (a UTF-8 byte order mark is dropped);
 * UTF-16 or UTF-32, NUL bytes and invalid UTF-8 are refused at their line and
 * column with "save it as UTF-8". Throws UnreadableFileError.
 */
export function readTextFile(file: string, maxBytes: number, what: string): string {
  const decoded = decodeUtf8Text(readRegularFile(file, maxBytes, what));
  if (decoded.ok) return decoded.text;
  throw new UnreadableFileError(file, `this ${what} ${decoded.reason}`, 'EILSEQ', decoded.line, decoded.column);
}
