import type { ON_DUPLICATE } from '../contract';
import { api } from '../api';
import {
  consentTarget,
  type DryRunResult,
  type ErrorCode,
  type FieldDef,
  type FileProblem,
  type ImportFile,
  type ImportPreview,
  type ImportResult,
  type MappingTarget as ImportTarget,
  type JobProgress,
  type Purpose,
  type Result,
} from '../contract';
import { enabledFields } from './fieldsSlice';
import { activePurposes } from './purposesSlice';
import type { SliceCreator } from './types';

/** pick → mapping → checking (dry run) → review → importing → done */
export type ImportStep = 'pick' | 'mapping' | 'checking' | 'review' | 'importing' | 'done';
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

export interface ImportState {
  step: ImportStep;
  file: ImportFile | null;
  /** One target per column of the header row. */
  mapping: ImportTarget[];
  preview: ImportPreview | null;
  dryRun: DryRunResult | null;
  onDuplicate: OnDuplicate;
  result: ImportResult | null;
  error: ErrorCode | null;
  /** Why the file cannot be read (a reason and a row), when the error says. */
  errorFile: FileProblem | null;
  /** Opening or re-reading the file. */
  busy: boolean;
  /** The file name of the saved invalid-rows report. */
  reportFile: string | null;
  /** Columns matching a switched-off field that the person chose to leave out knowingly. */
  leftOut: number[];
}

/** How a switched-off field is switched on from the mapping screen: an existing purpose, or words for a new one. */
export type PurposeChoice = { purposeKey: string } | { text: string };

export interface ImportSlice {
  importer: ImportState;
  /** The latest `job.progress` event (dry run, import or export). */
  jobProgress: JobProgress | null;
  receiveJobProgress(progress: JobProgress): void;
  pickImportFile(): Promise<void>;
  chooseSheet(sheet: string): Promise<void>;
  setMapping(column: number, target: ImportTarget): void;
  /** Marks a column that matches a switched-off field as left out on purpose (or undoes it). */
  setLeftOut(column: number, leftOut: boolean): void;
  /** The Owner switches the field a column matches on, for a purpose, and maps the column to it. */
  switchOnForColumn(column: number, field: FieldDef, choice: PurposeChoice): Promise<Result<FieldDef[]>>;
  loadPreview(): Promise<void>;
  startDryRun(): Promise<void>;
  backToMapping(): void;
  setOnDuplicate(choice: OnDuplicate): void;
  runImport(): Promise<void>;
  /** Stops the dry run or import under way (an import rolls back). */
  cancelJob(): Promise<void>;
  saveImportReport(): Promise<void>;
  resetImport(): void;
}

const initialImport: ImportState = {
  step: 'pick',
  file: null,
  mapping: [],
  preview: null,
  dryRun: null,
  onDuplicate: 'skip',
  result: null,
  error: null,
  errorFile: null,
  busy: false,
  reportFile: null,
  leftOut: [],
};

/** Where a column may go: name, tags, the fields that are switched on, and the consent of each active purpose that needs it. */
export const importTargets = (fields: FieldDef[] | null, purposes: Purpose[] | null = null): string[] => [
  'name',
  ...enabledFields(fields).map((f) => f.key),
  'tags',
  ...consentPurposes(purposes).map((p) => consentTarget(p.key)),
];

/** The purposes a consent column may be for: active, and needing consent. */
export const consentPurposes = (purposes: Purpose[] | null): Purpose[] => activePurposes(purposes).filter((p) => p.needsConsent);

/** Tags may be gathered from several columns ("Label 1", "Label 2"); every other target takes one. */
export const isMultiTarget = (target: string | null) => target === 'tags';

/** The suggested mapping, kept to targets that are allowed, each used at most once. */
export function cleanMapping(suggested: ImportTarget[], allowed: string[]): ImportTarget[] {
  const used = new Set<string>();
  return suggested.map((t) => {
    if (t === null || !allowed.includes(t) || used.has(t)) return null;
    if (!isMultiTarget(t)) used.add(t);
    return t;
  });
}

export const createImportSlice: SliceCreator<ImportSlice> = (set, get) => {
  let previewRequest = 0;
  const patch = (p: Partial<ImportState>) => set((s) => ({ importer: { ...s.importer, ...p } }));
  const source = () => {
    const { file, mapping } = get().importer;
    return file ? { fileId: file.fileId, sheet: file.sheet, mapping } : null;
  };
  const loaded = (file: ImportFile) =>
    patch({
      step: 'mapping',
      file,
      mapping: cleanMapping(file.mapping, importTargets(get().fields, get().purposes)),
      preview: null,
      dryRun: null,
      error: null,
      errorFile: null,
      busy: false,
      reportFile: null,
      leftOut: [],
    });

  return {
    importer: initialImport,
    jobProgress: null,
    receiveJobProgress: (jobProgress) => set({ jobProgress }),

    async pickImportFile() {
      patch({ busy: true, error: null, errorFile: null });
      // Consent columns are suggested for the purposes that need consent: know them first.
      if (get().purposes === null) await get().loadPurposes();
      const res = await api.import.open();
      if (!res.ok) {
        patch({ busy: false, error: res.error.code, errorFile: res.error.file ?? null });
        get().noteError(res.error);
      } else if (res.value === null) patch({ busy: false }); // the user closed the dialog
      else loaded(res.value);
    },

    async chooseSheet(sheet) {
      const file = get().importer.file;
      if (!file || sheet === file.sheet) return;
      patch({ busy: true, error: null, errorFile: null });
      const res = await api.import.inspect({ fileId: file.fileId, sheet });
      if (res.ok) loaded(res.value);
      else {
        patch({ busy: false, error: res.error.code, errorFile: res.error.file ?? null, step: res.error.code === 'file_expired' ? 'pick' : 'mapping' });
        get().noteError(res.error);
      }
    },

    setMapping(column, target) {
      // Taking a target another column had frees that column (the select offers it only as "already used").
      const mapping = get().importer.mapping.map((t, i) => (i === column ? target : t === target && !isMultiTarget(target) && target !== null ? null : t));
      patch({ mapping, dryRun: null });
    },

    setLeftOut(column, on) {
      const rest = get().importer.leftOut.filter((c) => c !== column);
      patch({ leftOut: on ? [...rest, column].sort((a, b) => a - b) : rest });
    },

    async switchOnForColumn(column, field, choice) {
      const input =
        'purposeKey' in choice
          ? { key: field.key, enabled: true, purpose: '', purposes: [...new Set([...field.purposes, choice.purposeKey])] }
          : { key: field.key, enabled: true, purpose: choice.text.trim() };
      const res = await get().updateField(input);
      if (res.ok) {
        get().setLeftOut(column, false);
        get().setMapping(column, field.key);
      }
      return res;
    },

    async loadPreview() {
      const input = source();
      if (!input) return;
      const n = ++previewRequest;
      const res = await api.import.preview(input);
      if (n !== previewRequest) return;
      if (res.ok) patch({ preview: res.value });
      else {
        patch({ preview: null, error: res.error.code, errorFile: res.error.file ?? null, ...(res.error.code === 'file_expired' ? { step: 'pick' as const } : {}) });
        get().noteError(res.error);
      }
    },

    async startDryRun() {
      const input = source();
      if (!input) return;
      set({ jobProgress: null });
      patch({ step: 'checking', error: null, errorFile: null, dryRun: null, reportFile: null });
      const res = await api.import.dryRun(input);
      if (get().importer.step !== 'checking') return; // closed or locked meanwhile
      if (res.ok) patch({ step: 'review', dryRun: res.value });
      else {
        patch({ step: res.error.code === 'file_expired' ? 'pick' : 'mapping', error: res.error.code, errorFile: res.error.file ?? null });
        get().noteError(res.error);
      }
    },

    backToMapping: () => patch({ step: 'mapping', error: null, errorFile: null }),
    setOnDuplicate: (onDuplicate) => patch({ onDuplicate }),

    async runImport() {
      const input = source();
      if (!input) return;
      set({ jobProgress: null });
      patch({ step: 'importing', error: null, errorFile: null });
      const { onDuplicate, leftOut, mapping } = get().importer;
      const res = await api.import.run({ ...input, onDuplicate, leftOut: leftOut.filter((c) => mapping[c] === null) });
      if (get().importer.step !== 'importing') return;
      if (res.ok) {
        patch({ step: 'done', result: res.value });
        get().reloadCustomers();
      } else {
        patch({ step: res.error.code === 'file_expired' ? 'pick' : 'review', error: res.error.code, errorFile: res.error.file ?? null });
        get().noteError(res.error);
      }
    },

    async cancelJob() {
      const res = await api.import.cancel();
      if (!res.ok) get().noteError(res.error);
    },

    async saveImportReport() {
      const file = get().importer.file;
      if (!file) return;
      const res = await api.import.saveReport({ fileId: file.fileId, sheet: file.sheet });
      if (res.ok) {
        if (res.value) patch({ reportFile: res.value.fileName, error: null, errorFile: null });
      } else {
        patch({ error: res.error.code, errorFile: res.error.file ?? null });
        get().noteError(res.error);
      }
    },

    resetImport() {
      previewRequest++;
      set({ importer: initialImport, jobProgress: null });
    },
  };
};
