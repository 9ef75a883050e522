import type { AuditAction, AuditDetails, AuditOutcome } from '../../contract';

/** One entry as a service describes it; the actor and time are added when it is appended. */
export interface AuditRecord {
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | number | null;
  outcome?: AuditOutcome;
  details?: AuditDetails;
}
