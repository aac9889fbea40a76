/**
 * Free text: whatever a person types that Scope keeps (explanations, review comments, reasons, token
 * names). Every such field passes `guardFreeText` before anything is written, and the texts kept with
 * a report live in one table, referred to by id, so an admin can remove one that should never have
 * been kept without touching an immutable revision or the append-only audit log.
 */
import type { Db } from '../db';
import { looksLikeRemovedNote } from '../domain/freeText';
import { describeFindings, freeTextLengthProblem, scanText } from '../domain/pii';
import { ApiError, forbidden, notFound } from '../errors';
import { canRedactFreeText } from '../permissions';
import { recordAudit } from '../queries/audit';
import { type FreeText, getFreeText, insertFreeText, redactFreeText } from '../queries/freeTexts';
import { withdrawReportsPrinting } from '../queries/reports';
import type { User } from '../queries/users';

/** One field a person typed: its name for programs, where it is in words, and the text. */
export type FreeTextField = {
  field: string;
  place: string;
  text: string | null | undefined;
  /** The field's own length limit, where it is not the usual one (a report's narrative section). */
  maxLength?: number;
};

/**
 * Refuses, before anything is written, text that is too long to be about counts or looks like
 * personal data: one error naming every field at fault and the kind of detail found, never the text
 * itself, so the refusal can't leak it. Length comes first, so the scan only ever reads short text.
 */
export function guardFreeText(fields: readonly FreeTextField[], now: Date): void {
  const tooLong = fields.flatMap(({ field, place, text, maxLength }) => {
    const problem = text ? freeTextLengthProblem(text, maxLength) : undefined;
    return problem ? [{ field, message: `${place} is too long. ${problem}` }] : [];
  });
  if (tooLong.length > 0)
    throw new ApiError(400, 'invalid-request', tooLong.map((p) => p.message).join(' '), tooLong);
  const notes = fields.filter(({ text }) => text && looksLikeRemovedNote(text));
  if (notes.length > 0)
    throw new ApiError(
      400,
      'invalid-request',
      `${notes[0]?.place} can't contain “[removed by an administrator”: those words mark a text an admin removed.`,
      notes.map(({ field }) => ({ field, message: 'Reword this text.' })),
    );
  const problems = fields.flatMap(({ field, place, text }) => {
    const findings = text ? scanText(text, now) : [];
    return findings.length > 0 ? [{ field, message: describeFindings(place, findings) }] : [];
  });
  if (problems.length > 0)
    throw new ApiError(400, 'personal-data', problems.map((p) => p.message).join(' '), problems);
}

/**
 * An admin removes a kept text for every reader, saying why (the reason is guarded and kept as a
 * text of its own). Every kept report that printed it is withdrawn and its files deleted, since
 * their bytes hold the words. The audit entry names the text by id, never its words.
 */
export function redactText(
  db: Db,
  user: User,
  id: number,
  reason: string,
  now: Date,
): FreeText & { redactedAt: string } {
  if (!canRedactFreeText(user)) throw forbidden('Only coalition admins can remove a text.');
  guardFreeText([{ field: 'reason', place: 'The reason', text: reason }], now);
  const removed = db.transaction(() => {
    const at = now.toISOString();
    if (!getFreeText(db, id)) throw notFound('There is no text with that id.');
    const reasonId = insertFreeText(db, { text: reason, userId: user.id, at });
    if (!redactFreeText(db, { id, userId: user.id, at, reasonId }))
      throw new ApiError(409, 'already-removed', 'This text has already been removed.');
    const withdrawn = withdrawReportsPrinting(db, {
      textId: id,
      reason: 'a text it printed was removed',
      failure:
        'A text this report prints was removed by an administrator while it was being made, so it was not kept. Make it again.',
      at,
    });
    recordAudit(db, {
      at,
      userId: user.id,
      action: 'redact',
      entityType: 'free-text',
      entityId: id,
      details: { reasonId, ...(withdrawn.length > 0 ? { withdrawnReports: withdrawn } : {}) },
    });
    return getFreeText(db, id) as FreeText & { redactedAt: string };
  })();
  // The old words and the deleted report files are zeroed in the database file (secure_delete), but
  // the write-ahead log still holds the pages as they were until a checkpoint moves them in: do that now.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return removed;
}
