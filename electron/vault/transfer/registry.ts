/**
 * What the main process remembers between import calls: the files the user picked (the renderer
 * only ever holds a random id and the base name), the one running job and its AbortController,
 * and the problems of the last dry run or import per file (for the report). Everything is
 * forgotten when the vault locks: ids then answer file_expired, and a running job is stopped.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportProblem, VaultStatus } from '../../contract';
import { VaultError } from '../errors';

export interface PickedFile {
  path: string;
  name: string;
}

interface LastRun {
  sheet: string | null;
  problems: ImportProblem[];
  /** Data rows counted by the last dry run (the import's progress total). */
  total: number;
}

export type JobKind = 'dryRun' | 'import' | 'export' | 'backup' | 'restore';

export class TransferRegistry {
  private readonly files = new Map<string, PickedFile>();
  private readonly runs = new Map<string, LastRun>();
  private job: { kind: JobKind; controller: AbortController } | null = null;

  /** Pass the vault (anything with `onChange`) to forget everything when it locks. */
  constructor(vault?: { onChange(listener: (s: VaultStatus) => void): () => void }) {
    vault?.onChange((s) => {
      if (s.state !== 'unlocked') this.clear();
    });
  }

  /** Remembers a path the user picked; returns the id the renderer may use for it. */
  register(path: string): { fileId: string; fileName: string } {
    const fileId = randomBytes(16).toString('base64url');
    const name = basename(path);
    this.files.set(fileId, { path, name });
    return { fileId, fileName: name };
  }

  forget(fileId: string): void {
    this.files.delete(fileId);
    this.runs.delete(fileId);
  }

  /** The picked file behind an id; file_expired once the vault has locked (or for an id never given out). */
  file(fileId: string): PickedFile {
    const f = this.files.get(fileId);
    if (!f) throw new VaultError('file_expired');
    return f;
  }

  get running(): JobKind | null {
    return this.job?.kind ?? null;
  }

  /** Runs `work` as the one job: `busy` while another runs; `cancel()` aborts its signal. */
  async runJob<T>(kind: JobKind, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.job) throw new VaultError('busy');
    const job = { kind, controller: new AbortController() };
    this.job = job;
    try {
      return await work(job.controller.signal);
    } finally {
      if (this.job === job) this.job = null;
    }
  }

  /** Stops the running job if it is one of `kinds` (a cancel never stops another kind's job); false when none such runs. */
  cancel(kinds: readonly JobKind[]): boolean {
    if (!this.job || !kinds.includes(this.job.kind)) return false;
    this.job.controller.abort();
    return true;
  }

  remember(fileId: string, sheet: string | null, problems: ImportProblem[], total: number): void {
    if (this.files.has(fileId)) this.runs.set(fileId, { sheet, problems, total });
  }

  /** The last run's problems for this file and sheet, or null when there was none. */
  lastRun(fileId: string, sheet: string | null): LastRun | null {
    const run = this.runs.get(fileId);
    return run && run.sheet === sheet ? run : null;
  }

  /** Forgets every file and result and stops a running job (on lock). */
  clear(): void {
    this.job?.controller.abort();
    this.files.clear();
    this.runs.clear();
  }
}
