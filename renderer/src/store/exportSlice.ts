import { api } from '../api';
import type { ExportInput, ExportResult, Result } from '../contract';
import type { SliceCreator } from './types';

export interface ExportSlice {
  /** Writes the export through the system's save dialog; a `null` value: the user cancelled the dialog. */
  runExport(input: ExportInput): Promise<Result<ExportResult | null>>;
}

export const createExportSlice: SliceCreator<ExportSlice> = (set, get) => ({
  async runExport(input) {
    set({ jobProgress: null });
    const res = await api.export.run(input);
    if (!res.ok) get().noteError(res.error);
    return res;
  },
});
