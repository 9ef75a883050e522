import type { BrankasClient } from './contract';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e host), built from the contract by `createClient`. */
    brankas: BrankasClient;
  }
}

/** The typed bridge to the main process. Every call resolves to a Result; none throws. */
export const api: BrankasClient = window.brankas;
