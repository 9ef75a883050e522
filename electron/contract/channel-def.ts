/** How a channel is declared: input schema, vault state, permission, phantom output (channels.ts uses it for every domain). */
import type { z } from 'zod';
import type { Permission } from './staff';

/**
 * In which vault state a channel may run. The router enforces it in the main process.
 * 'not_open': no vault is open because there is none here or it cannot be opened (no_vault,
 * needs_recovery, unavailable); never while one is open, locked or sealed.
 */
export type Access = 'any' | 'no_vault' | 'not_open' | 'needs_recovery' | 'locked' | 'unlocked';

export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /**
   * For 'unlocked' channels: what the signed-in person's role must allow (staff.ts has the matrix).
   * null: any signed-in person (their own account, signing out).
   */
  permission: Permission | null;
  /** Phantom: the output type. Never read at run time. */
  output?: O;
}
export function def<O>() {
  function make<I extends z.ZodType>(input: I, access: Exclude<Access, 'unlocked'>): ChannelDef<I, O>;
  function make<I extends z.ZodType>(input: I, access: 'unlocked', permission: Permission | null): ChannelDef<I, O>;
  function make<I extends z.ZodType>(input: I, access: Access, permission: Permission | null = null): ChannelDef<I, O> {
    return { input, access, permission };
  }
  return make;
}

