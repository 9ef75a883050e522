import type { HandlerMap } from '../context';

export const vaultHandlers: HandlerMap<'vault'> = {
  'vault.status': (_input, { vault }) => vault.status(),
  'vault.create': (input, { vault }) => vault.create(input),
  'vault.recover': (input, { vault }) => vault.recover(input),
  'vault.signIn': (input, { vault }) => vault.signIn(input),
  'vault.lock': (input, { vault }) => vault.lock(input.reason ?? 'user'),
  'vault.newRecoveryCode': (_input, { vault }) => vault.newRecoveryCode(),
  'vault.confirmRecoveryCode': (input, { vault }) => vault.confirmRecoveryCode(input),
};

export const settingsHandlers: HandlerMap<'settings'> = {
  'settings.save': (input, { vault }) => vault.saveSettings(input),
};
