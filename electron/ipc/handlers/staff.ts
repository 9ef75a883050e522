/** People (staff.*), the signed-in person's own account (account.*) and strict mode (security.*). */
import { createAccountService } from '../../vault/staff/account';
import { createStaffService } from '../../vault/staff/service';
import type { Context, HandlerMap } from '../context';

const staff = ({ vault }: Context) => createStaffService(vault);
const account = ({ vault }: Context) => createAccountService(vault);

export const staffHandlers: HandlerMap<'staff'> = {
  'staff.list': (_input, ctx) => staff(ctx).list(),
  'staff.create': (input, ctx) => staff(ctx).create(input),
  'staff.update': (input, ctx) => staff(ctx).update(input),
  'staff.resetPassword': (input, ctx) => staff(ctx).resetPassword(input),
  'staff.resetTotp': (input, ctx) => staff(ctx).resetTotp(input.id),
  'staff.review': (input, ctx) => staff(ctx).review(input),
};

export const accountHandlers: HandlerMap<'account'> = {
  'account.changePassword': (input, ctx) => account(ctx).changePassword(input),
  'account.beginTotp': (_input, ctx) => account(ctx).beginTotp(),
  'account.confirmTotp': (input, ctx) => account(ctx).confirmTotp(input),
  'account.disableTotp': (input, ctx) => account(ctx).disableTotp(input),
  'account.newBackupCodes': (input, ctx) => account(ctx).newBackupCodes(input),
};

export const securityHandlers: HandlerMap<'security'> = {
  'security.setStrictMode': (input, { vault }) => vault.setStrictMode(input),
};
