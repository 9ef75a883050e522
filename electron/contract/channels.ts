import type { z } from 'zod';
import {
  CustomerRef,
  SaveCustomerInput,
  SearchCustomersInput,
  type Customer,
  type CustomerPage,
} from './customers';
import {
  ConfirmRecoveryInput,
  CreateVaultInput,
  EmptyInput,
  RecoverInput,
  SettingsInput,
  SignInInput,
  type RecoveryCodeIssue,
  type Settings,
  type VaultStatus,
} from './vault';
import type { Result } from './errors';

/**
 * In which vault state a channel may run. The router enforces it in the main process.
 * ('unlocked' later gains roles: see the staff issue.)
 */
export type Access = 'any' | 'no_vault' | 'needs_recovery' | 'locked' | 'unlocked';

interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: the output type. Never read at run time. */
  output?: O;
}
const def = <O>() => <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });

/** Every channel across the bridge: name → strict input schema, output type, required state. */
export const channels = {
  'vault.status': def<VaultStatus>()(EmptyInput, 'any'),
  'vault.create': def<RecoveryCodeIssue>()(CreateVaultInput, 'no_vault'),
  'vault.recover': def<VaultStatus>()(RecoverInput, 'needs_recovery'),
  'vault.signIn': def<VaultStatus>()(SignInInput, 'locked'),
  'vault.lock': def<VaultStatus>()(EmptyInput, 'unlocked'),
  'vault.newRecoveryCode': def<RecoveryCodeIssue>()(EmptyInput, 'unlocked'),
  'vault.confirmRecoveryCode': def<VaultStatus>()(ConfirmRecoveryInput, 'unlocked'),
  'settings.save': def<Settings>()(SettingsInput, 'unlocked'),
  'customers.search': def<CustomerPage>()(SearchCustomersInput, 'unlocked'),
  'customers.get': def<Customer>()(CustomerRef, 'unlocked'),
  'customers.save': def<Customer>()(SaveCustomerInput, 'unlocked'),
  'customers.remove': def<{ id: number }>()(CustomerRef, 'unlocked'),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export const channelNames = Object.keys(channels) as ChannelName[];

export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type OutputOf<C extends ChannelName> = NonNullable<Channels[C]['output']>;

/** Events the main process pushes to the renderer. */
export interface Events {
  /** The vault state changed: after any request, and also on its own (system idle, OS lock, suspend). */
  'vault.status': VaultStatus;
}
export type EventName = keyof Events;

export type Domain = ChannelName extends `${infer D}.${string}` ? D : never;

/** The typed client the renderer sees as `window.brankas`. */
export type BrankasClient = {
  [D in Domain]: {
    [C in ChannelName as C extends `${D}.${infer M}` ? M : never]: (
      // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "{} extends X": X has no required field, so the argument is optional
      ...args: {} extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>]
    ) => Promise<Result<OutputOf<C>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};
