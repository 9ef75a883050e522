import { api } from '../api';
import type { DemoStatus, ErrorCode } from '../contract';
import type { SliceCreator } from './types';

/**
 * The demo vault (sample data): whether the app is serving it, and starting or throwing it away.
 * Starting and discarding swap the vault underneath the renderer, so each applies the status the
 * call returns (anything but `unlocked` wipes what the store held) and re-reads the demo state.
 */
export interface DemoSlice {
  /** null until the first `demo.status` answer. */
  demo: DemoStatus | null;
  demoBusy: 'starting' | 'discarding' | null;
  demoError: ErrorCode | null;
  loadDemo(): Promise<void>;
  startDemo(): Promise<void>;
  discardDemo(): Promise<void>;
}

export const createDemoSlice: SliceCreator<DemoSlice> = (set, get) => ({
  demo: null,
  demoBusy: null,
  demoError: null,

  async loadDemo() {
    const res = await api.demo.status();
    if (res.ok) set({ demo: res.value });
  },

  async startDemo() {
    if (get().demoBusy) return;
    set({ demoBusy: 'starting', demoError: null });
    const res = await api.demo.start();
    // The demo status first: the banner must be there as soon as the demo's screens are.
    await get().loadDemo();
    set({ demoBusy: null });
    if (res.ok) get().applyStatus(res.value);
    else set({ demoError: res.error.code });
  },

  async discardDemo() {
    if (get().demoBusy) return;
    set({ demoBusy: 'discarding', demoError: null });
    const res = await api.demo.discard();
    set({ demoBusy: null });
    if (res.ok) get().applyStatus(res.value);
    else set({ demoError: res.error.code });
    await get().loadDemo();
  },
});
