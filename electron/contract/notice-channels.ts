/** The `notice.*` channels, spread into `channels`. Reading the notice: customers.view; changing it: settings.manage. */
import { def } from './channel-def';
import {
  NoticeTextInput,
  RecipientRef,
  SaveNoticeInput,
  SaveRecipientInput,
  ShopProfileInput,
  type NoticeStatus,
  type NoticeVersionInfo,
  type Recipient,
  type ShopProfile,
} from './notice';
import { EmptyInput } from './vault';

export const noticeChannels = {
  /** The version in force and whether today's data has moved on from it. */
  'notice.status': def<NoticeStatus>()(EmptyInput, 'unlocked', 'customers.view'),
  'notice.profile': def<ShopProfile>()(EmptyInput, 'unlocked', 'customers.view'),
  /** Saves the shop's profile; returns it. */
  'notice.saveProfile': def<ShopProfile>()(ShopProfileInput, 'unlocked', 'settings.manage'),
  'notice.recipients': def<Recipient[]>()(EmptyInput, 'unlocked', 'customers.view'),
  /** Adds or changes a recipient; returns them all. */
  'notice.saveRecipient': def<Recipient[]>()(SaveRecipientInput, 'unlocked', 'settings.manage'),
  'notice.removeRecipient': def<Recipient[]>()(RecipientRef, 'unlocked', 'settings.manage'),
  /** Freezes today's notice as the next version. */
  'notice.publish': def<NoticeVersionInfo>()(EmptyInput, 'unlocked', 'settings.manage'),
  /** Writes the notice as PDF, poster, Markdown or WhatsApp text to a file picked in the save dialog; null when cancelled. */
  'notice.save': def<{ fileName: string } | null>()(SaveNoticeInput, 'unlocked', 'customers.view'),
  /** The short WhatsApp text, to copy. */
  'notice.whatsapp': def<string>()(NoticeTextInput, 'unlocked', 'customers.view'),
} as const;
