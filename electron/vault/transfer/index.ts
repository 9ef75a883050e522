/**
 * Spreadsheet import and export, as plain Node over a vault database: used by the IPC handlers,
 * the command-line tool and the bench. Nothing here knows about IPC or Electron.
 */
export { inspectFile, previewImport, type InspectedFile } from './inspect';
export { dryRun, importDetails, reportProblems, runImport, type DryRunOutcome, type ImportOptions } from './import';
export { writeProblemsCsv, reasonText, type ReportOptions, type ReportLanguage } from './report';
export { exportToFile, exportToStream, type ExportOptions } from './export';
export { BUILTIN_TITLES } from './export-rows';
export { suggestMapping, isKnownHeader, availableTargets } from './headers';
export { TransferRegistry, type JobKind, type PickedFile } from './registry';
export type { ImportSourceRef, JobOptions, Progress } from './scan';
export { MAX_IMPORT_BYTES } from './limits';
