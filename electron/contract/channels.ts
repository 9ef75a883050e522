import type { z } from 'zod';
import {
  CustomerRef,
  SaveCustomerInput,
  SearchCustomersInput,
  TagsInput,
  type Customer,
  type CustomerPage,
  type TagCount,
} from './customers';
import { CreateCustomFieldInput, FieldRef, UpdateFieldInput, type FieldDef, type FieldUsage } from './fields';
import { ListPurchasesInput, PurchaseRef, SavePurchaseInput, type Purchase } from './purchases';
import {
  ExportInput,
  ImportMappingInput,
  ImportSource,
  RunImportInput,
  type DryRunResult,
  type ExportResult,
  type ImportFile,
  type ImportPreview,
  type ImportResult,
  type JobProgress,
} from './transfer';
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
  'customers.tags': def<TagCount[]>()(TagsInput, 'unlocked'),
  'customers.markVerified': def<Customer>()(CustomerRef, 'unlocked'),
  'fields.list': def<FieldDef[]>()(EmptyInput, 'unlocked'),
  'fields.update': def<FieldDef[]>()(UpdateFieldInput, 'unlocked'),
  'fields.usage': def<FieldUsage>()(FieldRef, 'unlocked'),
  'fields.createCustom': def<FieldDef[]>()(CreateCustomFieldInput, 'unlocked'),
  'fields.deleteCustom': def<FieldDef[]>()(FieldRef, 'unlocked'),
  'purchases.list': def<Purchase[]>()(ListPurchasesInput, 'unlocked'),
  'purchases.save': def<Purchase>()(SavePurchaseInput, 'unlocked'),
  'purchases.remove': def<{ id: number }>()(PurchaseRef, 'unlocked'),
  /** Shows the system's open-file dialog; null when the user cancels it. */
  'import.open': def<ImportFile | null>()(EmptyInput, 'unlocked'),
  'import.inspect': def<ImportFile>()(ImportSource, 'unlocked'),
  'import.preview': def<ImportPreview>()(ImportMappingInput, 'unlocked'),
  'import.dryRun': def<DryRunResult>()(ImportMappingInput, 'unlocked'),
  'import.run': def<ImportResult>()(RunImportInput, 'unlocked'),
  /** Stops a running dry run or import; an import rolls back, leaving the vault as it was. */
  'import.cancel': def<{ cancelled: boolean }>()(EmptyInput, 'unlocked'),
  /** Saves the invalid rows of the last dry run/import as CSV through the save dialog; null if cancelled. */
  'import.saveReport': def<{ fileName: string } | null>()(ImportSource, 'unlocked'),
  /** Writes an export through the save dialog; null if cancelled. */
  'export.run': def<ExportResult | null>()(ExportInput, 'unlocked'),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export const channelNames = Object.keys(channels) as ChannelName[];

export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type OutputOf<C extends ChannelName> = Exclude<Channels[C]['output'], undefined>;

/** Events the main process pushes to the renderer. */
export interface Events {
  /** The vault state changed: after any request, and also on its own (system idle, OS lock, suspend). */
  'vault.status': VaultStatus;
  /** Progress of a dry run, import or export. */
  'job.progress': JobProgress;
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
