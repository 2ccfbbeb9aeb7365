import type { EntityManager } from 'typeorm';

/** Written in the same transaction as the change it records, so the log never disagrees with the data. */
export async function recordAudit(
  m: EntityManager,
  event: { actorId: string | undefined; action: string; subjectType: string; subjectId: string; data?: Record<string, unknown> },
): Promise<void> {
  await m.query(`INSERT INTO audit_events (actor_user_id, action, subject_type, subject_id, data) VALUES ($1, $2, $3, $4, $5)`, [
    event.actorId ?? null,
    event.action,
    event.subjectType,
    event.subjectId,
    JSON.stringify(event.data ?? {}),
  ]);
}
