/**
 * Scheduled backups: once a day (the first chance after the last good backup is a day old) and,
 * if chosen, when the app closes. When the folder is missing (the USB stick is not plugged in)
 * the failure is remembered for the home screen and the next try waits `retryMs`. Runs while the
 * session is locked too: the vault stays open underneath.
 */
import type { BackupResult } from '../../contract';
import type { VaultService } from '../service';
import type { BackupService } from './service';

const DAY = 86_400_000;

export type TickOutcome = 'not_open' | 'not_due' | 'busy' | { ok: true; result: BackupResult } | { ok: false; code: string };

export interface SchedulerOptions {
  now?: () => number;
  /** How long to wait after a failed scheduled attempt (default 15 minutes). */
  retryMs?: number;
  /** Runs the work as the app's one long job (shares `busy` with imports, exports and manual backups). */
  runJob?: <T>(work: (signal: AbortSignal) => Promise<T>) => Promise<T>;
}

export class BackupScheduler {
  private readonly now: () => number;
  private readonly retryMs: number;
  private running = false;

  constructor(
    private readonly vault: VaultService,
    private readonly service: BackupService,
    private readonly opts: SchedulerOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.retryMs = opts.retryMs ?? 15 * 60_000;
  }

  /** Call every few minutes: backs up when a daily backup is due. */
  async tick(): Promise<TickOutcome> {
    if (!this.vault.backgroundDb()) return 'not_open';
    const s = await this.service.status();
    if (!s.configured || !s.schedule.daily || !s.schedule.folder) return 'not_due';
    const now = this.now();
    if (s.lastSuccessAt !== null && now - s.lastSuccessAt < DAY) return 'not_due';
    if (s.lastFailure && now - s.lastFailure.at < this.retryMs) return 'not_due';
    return this.runTo(s.schedule.folder);
  }

  /** Call when the app is closing: backs up if the Owner chose "when the app closes". */
  async onClose(): Promise<TickOutcome> {
    if (!this.vault.backgroundDb()) return 'not_open';
    const s = await this.service.status();
    if (!s.configured || !s.schedule.onClose || !s.schedule.folder) return 'not_due';
    return this.runTo(s.schedule.folder);
  }

  private async runTo(folder: string): Promise<TickOutcome> {
    if (this.running) return 'busy';
    this.running = true;
    try {
      const work = (signal?: AbortSignal) => this.service.run({ folder, scheduled: true, ...(signal ? { signal } : {}) });
      const result = this.opts.runJob ? await this.opts.runJob(work) : await work();
      return { ok: true, result };
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'busy') return 'busy';
      return { ok: false, code: typeof code === 'string' ? code : 'internal' };
    } finally {
      this.running = false;
    }
  }
}
