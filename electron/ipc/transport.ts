/** The two Electron IPC channel names: everything else travels inside them, typed by the contract. */
export const INVOKE_CHANNEL = 'brankas:invoke';
export const EVENT_CHANNEL = 'brankas:event';
