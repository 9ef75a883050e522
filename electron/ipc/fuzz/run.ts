/**
 * Declares the fuzz tests of one group of channels: one vitest test per channel, each a fast-check
 * property of FC_RUNS runs (300 by default) over the stations of the group's file.
 *
 * Replaying a failure: fast-check's error names the seed and the counterexample's path. Run the
 * same file again with them, e.g.
 *   FC_SEED=-1234567 FC_PATH="12:3:0" bash .ci/with-keyring npx vitest run electron/ipc/fuzz/fuzz.customers.test.ts -t customers.save
 * FC_SEED (and FC_PATH, if given) are passed to every property, so the same inputs come again.
 * The stations are shared by the channels of a file, so replay with the same file (and -t for one channel).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { channels, type ChannelName } from '../../contract';
import { inputFor } from './schema-arbitrary';
import { admits, checkCall, outcomes, timing } from './property';
import { stationNames, World } from './stations';

const envInt = (name: string): number | undefined => {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : Number.parseInt(v, 10);
};

export const RUNS = envInt('FC_RUNS') ?? 300;
const SEED = envInt('FC_SEED');
const PATH = process.env['FC_PATH'] || undefined;

/**
 * Channels whose success is slow by design (a recovery code or backup codes wrapped with a strong
 * scrypt; a created vault is torn down and its station rebuilt): their admitting stations are not
 * weighted up, so the suite stays fast while they still get every kind of input.
 */
const SLOW_WHEN_ADMITTED = new Set<ChannelName>(['vault.create', 'vault.newRecoveryCode', 'vault.recover', 'account.confirmTotp', 'account.newBackupCodes', 'security.setStrictMode']);

/** Runs per channel actually made, for the suite's summary line. */
const made = new Map<ChannelName, number>();

export function fuzzChannels(group: string, names: readonly ChannelName[]): void {
  describe(`fuzz: ${group}`, () => {
    const world = new World();
    afterAll(async () => {
      const counts = names
        .map((c) => `\n  ${c}: ${made.get(c) ?? 0} runs ${JSON.stringify(outcomes.get(c) ?? {})}`)
        .join('');
      // FUZZ_SUMMARY=1: how each channel answered (how deep the runs reached) and where the time went.
      if (process.env['FUZZ_SUMMARY']) process.stderr.write(`[fuzz ${group}] ${counts}\n  station rebuilds: ${world.rebuilds()}; ms in calls ${Math.round(timing.call)}, in snapshots ${Math.round(timing.snap)}\n`);
      await world.destroy();
    });

    for (const channel of names) {
      // Runs on a station the channel admits are weighted up: those reach the handler.
      const stations = fc.oneof(
        ...stationNames.map((s) => ({ weight: admits(channel, s) && !SLOW_WHEN_ADMITTED.has(channel) ? 4 : 1, arbitrary: fc.constant(s) })),
      );
      it(channel, async () => {
        let runs = 0;
        await fc.assert(
          fc.asyncProperty(stations, inputFor(channels[channel].input), async (name, input) => {
            runs++;
            await checkCall(await world.station(name), channel, input);
          }),
          { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), ...(PATH ? { path: PATH } : {}) },
        );
        made.set(channel, runs);
        expect(runs).toBeGreaterThanOrEqual(PATH ? 1 : RUNS);
      }, 120_000);
    }
  });
}
