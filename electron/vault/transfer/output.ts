/**
 * Files this module writes (exports, problem reports) appear whole or not at all: written to a
 * temporary name beside the target, flushed, then renamed. Disk full → disk_full, a folder that
 * cannot be written → read_only.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fsError, fsyncDir } from '../files';
import { checkAborted } from './scan';

export interface AtomicFile {
  /** The temporary file's stream: write here, then `commit`. */
  stream: WriteStream;
  /** Rejects (mapped) when the stream fails: race long waits against it. */
  failed: Promise<never>;
  /** Writes with backpressure; rejects with the stream's error. */
  write(chunk: string | Buffer): Promise<void>;
  /** Ends the stream, flushes it to disk and renames it to the target; `cancelled` (and no file) if `signal` aborts before the rename. */
  commit(signal?: AbortSignal): Promise<void>;
  /** Stops and removes the temporary file (safe to call after a failed commit). */
  abort(): Promise<void>;
}

/** Maps a file-system error to disk_full / read_only where it is one. */
export const outputError = (err: unknown): unknown => fsError(err);

export function openAtomic(path: string): AtomicFile {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const stream = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
  let failure: unknown = null;
  const failed = new Promise<never>((_, reject) =>
    stream.once('error', (err) => {
      failure = err;
      reject(outputError(err));
    }),
  );
  failed.catch(() => undefined);
  return {
    stream,
    failed,
    async write(chunk) {
      if (failure) throw outputError(failure);
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    },
    async commit(signal) {
      try {
        if (failure) throw failure;
        if (!stream.writableEnded) stream.end();
        if (!stream.writableFinished) await Promise.race([once(stream, 'finish'), failed]);
        if (failure) throw failure;
        const fh = await open(tmp, 'r+');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
        checkAborted(signal);
        await rename(tmp, path);
        fsyncDir(dirname(path));
      } catch (err) {
        await rm(tmp, { force: true }).catch(() => undefined);
        throw outputError(err);
      }
    },
    async abort() {
      if (!stream.closed) {
        stream.destroy();
        await once(stream, 'close').catch(() => undefined);
      }
      await rm(tmp, { force: true }).catch(() => undefined);
    },
  };
}
