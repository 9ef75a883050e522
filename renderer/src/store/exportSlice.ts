import { api } from '../api';
import type { AppExportInput, ExportResult, Result } from '../contract';
import type { SliceCreator } from './types';

export interface ExportSlice {
  /** Writes the export through the system's save dialog; a `null` value: the user cancelled the dialog. */
  runExport(input: AppExportInput): Promise<Result<ExportResult | null>>;
  /** Stops the running export (the run then answers `cancelled`, and no file is left); false when none was running. */
  cancelExport(): Promise<boolean>;
}

export const createExportSlice: SliceCreator<ExportSlice> = (set, get) => ({
  async runExport(input) {
    set({ jobProgress: null });
    const res = await api.export.run(input);
    if (!res.ok) get().noteError(res.error);
    return res;
  },

  async cancelExport() {
    const res = await api.export.cancel();
    if (!res.ok) {
      get().noteError(res.error);
      return false;
    }
    return res.value.cancelled;
  },
});
