import type { StateCreator } from 'zustand';
import type { AuditSlice } from './auditSlice';
import type { BackupSlice } from './backupSlice';
import type { CustomersSlice } from './customersSlice';
import type { DemoSlice } from './demoSlice';
import type { ExportSlice } from './exportSlice';
import type { FieldsSlice } from './fieldsSlice';
import type { ImportSlice } from './importSlice';
import type { LocaleSlice } from './localeSlice';
import type { NoticeSlice } from './noticeSlice';
import type { RequestsSlice } from './requestsSlice';
import type { PurchasesSlice } from './purchasesSlice';
import type { PurposesSlice } from './purposesSlice';
import type { ConsentSlice } from './consentSlice';
import type { SelectionSlice } from './selectionSlice';
import type { SessionSlice } from './sessionSlice';
import type { StaffSlice } from './staffSlice';
import type { UiSlice } from './uiSlice';

export type AppState = SessionSlice &
  CustomersSlice &
  FieldsSlice &
  PurposesSlice &
  ConsentSlice &
  NoticeSlice &
  RequestsSlice &
  PurchasesSlice &
  SelectionSlice &
  ImportSlice &
  ExportSlice &
  LocaleSlice &
  UiSlice &
  StaffSlice &
  AuditSlice &
  BackupSlice &
  DemoSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
