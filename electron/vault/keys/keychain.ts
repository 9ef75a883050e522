/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux)
 * through keytar. It holds the vault's data key, hex-encoded, under service "Brankas"
 * and account = the vault id. Any failure to reach it is `keychain_unavailable`.
 */
import { VaultError } from '../errors';

export const KEYCHAIN_SERVICE = 'Brankas';

export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  remove(account: string): Promise<boolean>;
  /** Every account stored under this service. */
  accounts(): Promise<string[]>;
}

type Keytar = typeof import('keytar');
let keytarModule: Promise<Keytar> | undefined;
// keytar is CommonJS: under Node's ESM loader its functions sit on `default`.
const loadKeytar = (): Promise<Keytar> =>
  (keytarModule ??= import('keytar').then((m) => (m as Keytar & { default?: Keytar }).default ?? m));

/** keytar's messages when there is no usable Secret Service / keychain. */
const UNAVAILABLE_PATTERNS = [
  /autolaunch d-bus/i,
  /dbus/i,
  /secret service/i,
  /org\.freedesktop\.secrets/i,
  /no such interface/i,
  /cannot create an item in a locked collection/i,
  /prompt/i,
  /could not connect/i,
  /cannot find module/i,
  /was compiled against a different node\.js version/i,
];

export function isKeychainUnavailableMessage(message: string): boolean {
  return UNAVAILABLE_PATTERNS.some((p) => p.test(message));
}

const unavailable = (err: unknown): VaultError =>
  new VaultError('keychain_unavailable', undefined, err instanceof Error ? err.message : String(err));

/** The real OS keychain. Every error from it is reported as `keychain_unavailable`. */
export function systemKeychain(service: string = KEYCHAIN_SERVICE): Keychain {
  const call = async <T>(fn: (k: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await fn(await loadKeytar());
    } catch (err) {
      throw unavailable(err);
    }
  };
  return {
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
    remove: (account) => call((k) => k.deletePassword(service, account)),
    accounts: () => call(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
  };
}
