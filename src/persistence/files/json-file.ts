import { open } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { DataFileError } from '../../core/errors.js';

export { DataFileError };

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
};

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  return position === undefined
    ? message
    : `${message.replace(/ in JSON at position \d+.*$/, '')} (${lineAndColumn(text, Number(position))})`;
}

/**
 * The file in one read where the system allows: readFile's 512 KiB chunks cost a thread-pool round trip each,
 * which on a 100 MB dataset is a good part of start-up.
 */
async function readWhole(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(buffer, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === size ? buffer : buffer.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

/**
 * Reads and parses a JSON file, with the bytes it came from (for an integrity check). Every way it can be
 * unusable is a DataFileError naming the reason; a missing file is null only when `missingOk`.
 */
export async function readJsonFile(
  path: string,
  options: { missingOk?: boolean } = {},
): Promise<{ data: unknown; bytes: Buffer } | null> {
  let bytes: Buffer;
  try {
    bytes = await readWhole(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' && options.missingOk) return null;
    throw new DataFileError(path, READ_FAILURES[code] ?? `cannot read (${code || String(error)})`);
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new DataFileError(path, 'the file is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(path, `invalid JSON: ${describeJsonError(error, text)}`);
  }
  if (data === null) throw new DataFileError(path, 'the file holds null instead of data');
  return { data, bytes };
}

/**
 * A lowdb adapter that fails loudly. lowdb's own JSONFile treats a missing file as "use the defaults" and
 * a file holding `null` as empty, so the next write would replace a hand-edited file with defaults; here
 * both are errors unless the caller says a missing file is fine.
 */
export class JsonFileAdapter<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly options: { missingOk?: boolean } = {},
  ) {}

  async read(): Promise<T | null> {
    const file = await readJsonFile(this.path, this.options);
    return file ? (file.data as T) : null;
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`);
  }
}
