/** Limits and sizes of import and export work, in one place. */

/** Files larger than this are refused before a byte is read (2 GiB). */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;
/** Bytes looked at to detect format, encoding and delimiter. */
export const SNIFF_BYTES = 64 * 1024;
/** Rows shown as they are in the file, and as they will be stored. */
export const SAMPLE_ROWS = 5;
/** The page cache (KiB) an import runs with, instead of the connection's 64 MiB (cache.ts). */
export const IMPORT_CACHE_KIB = 32 * 1024;
/** Rows written per insert batch inside the one import transaction. */
export const BATCH_ROWS = 500;
/** Progress is reported at most this often. */
export const PROGRESS_MS = 100;
/** Problems returned with a dry run over the bridge (all of them go into the report). */
export const PROBLEMS_SHOWN = 100;
/** One CSV record may hold at most this many characters (in the contract: error messages name it). */
export { MAX_RECORD_CHARS } from '../../contract/transfer';
/** Columns read from a file (the mapping has one entry per column). */
export const MAX_COLUMNS = 500;
/** Customers read per page when exporting. */
export const EXPORT_PAGE = 1000;
