/**
 * Reading an evidence file from disk (the path the system dialog or the CLI gave): its type from
 * the extension (EVIDENCE_TYPES), at most 10 MB, never empty. Typed errors, nothing half-read kept.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../../contract';
import { VaultError } from '../errors';
import type { EvidenceFile } from './service';

/** Missing, a folder, or not ours to read: the file cannot be read (nothing was written). */
const unreadable = (err: unknown): VaultError => (err instanceof VaultError ? err : new VaultError('file_unreadable', undefined, (err as NodeJS.ErrnoException)?.code));

export const evidenceType = (path: string): string | undefined => EVIDENCE_TYPES[extname(path).slice(1).toLowerCase()];

/** Size and type without reading it: what the picker shows before the entry is saved. */
export function inspectEvidence(path: string): { fileName: string; mediaType: string; size: number } {
  const mediaType = evidenceType(path);
  if (!mediaType) throw new VaultError('unsupported_file');
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new VaultError('file_unreadable');
    size = st.size;
  } catch (err) {
    throw unreadable(err);
  }
  if (size === 0) throw new VaultError('file_empty');
  if (size > EVIDENCE_MAX_BYTES) throw new VaultError('file_too_large');
  return { fileName: basename(path), mediaType, size };
}

export function readEvidence(path: string): EvidenceFile {
  const { fileName, mediaType } = inspectEvidence(path);
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (err) {
    throw unreadable(err);
  }
  if (content.length === 0) throw new VaultError('file_empty');
  if (content.length > EVIDENCE_MAX_BYTES) throw new VaultError('file_too_large');
  return { fileName, mediaType, content };
}
