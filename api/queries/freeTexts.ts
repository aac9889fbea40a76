import { type Db, statement } from '../db';

/** A kept text as its readers get it: the words, or null once an admin has removed them. */
export type FreeText = {
  id: number;
  text: string | null;
  createdAt: string;
  redactedAt: string | null;
};

/** Keeps a text a person typed (already through the guard); returns its id. */
export function insertFreeText(db: Db, t: { text: string; userId: number | null; at?: string }): number {
  return Number(
    statement(
      db,
      `INSERT INTO free_texts (text, created_at, created_by)
       VALUES (?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?)`,
    ).run(t.text, t.at ?? null, t.userId).lastInsertRowid,
  );
}

type FreeTextRow = { id: number; text: string; createdAt: string; redactedAt: string | null };
const asFreeText = (row: FreeTextRow): FreeText => ({
  ...row,
  text: row.redactedAt === null ? row.text : null,
});

export function getFreeText(db: Db, id: number): FreeText | undefined {
  const row = statement(
    db,
    'SELECT id, text, created_at AS createdAt, redacted_at AS redactedAt FROM free_texts WHERE id = ?',
  ).get(id) as FreeTextRow | undefined;
  return row && asFreeText(row);
}

/** Kept texts by id, for the ids a draft, revision or review refers to. */
export function getFreeTexts(db: Db, ids: Iterable<number>): Map<number, FreeText> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = statement(
    db,
    `SELECT t.id, t.text, t.created_at AS createdAt, t.redacted_at AS redactedAt
     FROM json_each(?) j JOIN free_texts t ON t.id = j.value`,
  ).all(JSON.stringify(unique)) as FreeTextRow[];
  return new Map(rows.map((row) => [row.id, asFreeText(row)]));
}

/** Blanks a kept text for every reader. False when it was already removed (or never existed). */
export function redactFreeText(
  db: Db,
  r: { id: number; userId: number; at: string; reasonId: number },
): boolean {
  return (
    statement(
      db,
      `UPDATE free_texts SET text = '', redacted_at = ?, redacted_by = ?, redaction_reason_id = ?
       WHERE id = ? AND redacted_at IS NULL`,
    ).run(r.at, r.userId, r.reasonId, r.id).changes === 1
  );
}

/**
 * Forgets a submission's draft texts that nothing refers to any more (an explanation or a reply
 * rewritten or cleared before it was ever submitted), so no copy is left where no admin could find and remove it.
 * A removed one stays: the audit log's record of its removal names it. So does one a review refers
 * to (texts moved by migration 008 share an id when a report held the same words twice).
 */
export function deleteUnusedDraftTexts(db: Db, submissionId: number, ids: Iterable<number>): void {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  statement(
    db,
    `DELETE FROM free_texts WHERE id IN (SELECT value FROM json_each(?)) AND redacted_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM submissions s, json_each(s.draft_explanation_ids) j
                     WHERE s.id = ? AND j.value = free_texts.id)
     AND NOT EXISTS (SELECT 1 FROM submission_revisions r, json_each(r.explanation_ids) j
                     WHERE r.submission_id = ? AND j.value = free_texts.id)
     AND NOT EXISTS (SELECT 1 FROM submission_reviews v WHERE v.comment_id = free_texts.id)
     AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.draft_reply_id = free_texts.id)
     AND NOT EXISTS (SELECT 1 FROM submission_revisions r WHERE r.reply_id = free_texts.id)`,
  ).run(JSON.stringify(unique), submissionId, submissionId);
}
