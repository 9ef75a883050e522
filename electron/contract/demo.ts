/**
 * Trying Brankas with sample data: a separate demo vault (its own folder beside the real one, its
 * own keychain entry), seeded with synthetic customers and signed in as "Pemilik Demo". Offered on
 * the first-run screen; thrown away in one click. The channels (channels.ts):
 * - `demo.status` (any state): whether the app is serving the demo vault now;
 * - `demo.start` (no vault here yet): creates, seeds and signs in to a fresh demo vault, and the
 *   app serves it until it is thrown away (a demo left by an earlier run is replaced);
 * - `demo.discard` (any state, while the demo is served or one was left behind): closes it,
 *   deletes its folder and keychain entry; the app serves the real vault again.
 */
export const DEMO_OWNER_NAME = 'Pemilik Demo';
/** How many sample customers the demo vault holds. */
export const DEMO_CUSTOMER_COUNT = 300;

export type DemoStatus =
  /** The demo vault is served. Its password is shown on the banner (a demo holds no real data). */
  | { active: true; ownerName: string; password: string }
  /** The real vault is served. `leftover`: a demo folder from an earlier run is still on disk. */
  | { active: false; leftover: boolean };
