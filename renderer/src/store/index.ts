import { create } from 'zustand';
import { createAuditSlice } from './auditSlice';
import { createBackupSlice } from './backupSlice';
import { createCustomersSlice } from './customersSlice';
import { createDemoSlice } from './demoSlice';
import { createExportSlice } from './exportSlice';
import { createFieldsSlice } from './fieldsSlice';
import { createPurposesSlice } from './purposesSlice';
import { createConsentSlice } from './consentSlice';
import { createNoticeSlice } from './noticeSlice';
import { createRequestsSlice } from './requestsSlice';
import { createImportSlice } from './importSlice';
import { createLocaleSlice } from './localeSlice';
import { createPurchasesSlice } from './purchasesSlice';
import { createSelectionSlice } from './selectionSlice';
import { createSessionSlice } from './sessionSlice';
import { createStaffSlice } from './staffSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

/** The one store. Components select single fields: `useStore((s) => s.total)`. */
export const useStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createCustomersSlice(...a),
  ...createFieldsSlice(...a),
  ...createPurposesSlice(...a),
  ...createConsentSlice(...a),
  ...createNoticeSlice(...a),
  ...createRequestsSlice(...a),
  ...createPurchasesSlice(...a),
  ...createSelectionSlice(...a),
  ...createImportSlice(...a),
  ...createExportSlice(...a),
  ...createLocaleSlice(...a),
  ...createUiSlice(...a),
  ...createStaffSlice(...a),
  ...createAuditSlice(...a),
  ...createBackupSlice(...a),
  ...createDemoSlice(...a),
}));

export type { AppState } from './types';
export { customerAt, hasFilter, PAGE_SIZE } from './customersSlice';
export { enabledFields } from './fieldsSlice';
export { activePurposes } from './purposesSlice';
export { AUDIT_PAGE_SIZE, auditQuery, type AuditFilter } from './auditSlice';
export type { SettingsSection } from './staffSlice';
export type { PageId } from './uiSlice';
export type { BackupRunState, RestoreFlow, RestoreMode, RestoreStep, RestoredCode } from './backupSlice';
export { beforeSignIn } from './backupSlice';
