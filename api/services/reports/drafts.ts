/**
 * Narrative drafts: the words a person writes for a report's narrative sections while building it,
 * kept per person, template, period and area until a report is generated from them (and after, for
 * the next one). Every text passes the personal-data guard and its section's length limit before
 * anything is written, and is kept once in `free_texts`. No HTTP here.
 */
import type { Db } from '../../db';
import type { NarrativeSection } from '../../domain/reportTemplate';
import { badRequest, forbidden } from '../../errors';
import { canMakeReports } from '../../permissions';
import { getFreeTexts, insertFreeText } from '../../queries/freeTexts';
import {
  type DraftKey,
  deleteUnusedNarrativeTexts,
  getReportDraft,
  saveReportDraft,
} from '../../queries/reports';
import type { User } from '../../queries/users';
import { guardFreeText } from '../freeTexts';
import { reportTemplateOf } from './document';

/** Which report's draft: a template, a period and an area. */
export type DraftChoice = { template: string; period: string; area: string };

/** A draft as the builder reads it: each narrative section's words, and when they were last saved. */
export type ReportDraft = { texts: Record<string, string>; updatedAt: string | null };

const refuseNonPerson = (user: User) => {
  if (!canMakeReports(user)) throw forbidden('Grant reports are made by people signed in, not API tokens.');
};

const keyOf = (user: User, choice: DraftChoice): DraftKey => ({ userId: user.id, ...choice });

/** A draft's narrative texts by section, from their ids; a text an admin removed is left out. */
export function narrativeTexts(db: Db, ids: Record<string, number>): Record<string, string> {
  const texts = getFreeTexts(db, Object.values(ids));
  return Object.fromEntries(
    Object.entries(ids).flatMap(([section, id]) => {
      const text = texts.get(id)?.text;
      return text ? [[section, text]] : [];
    }),
  );
}

/** The narrative ids a person's draft holds for a report (empty when they have written nothing). */
export function draftNarrativeIds(db: Db, user: User, choice: DraftChoice): Record<string, number> {
  return getReportDraft(db, keyOf(user, choice))?.narrativeIds ?? {};
}

/** This person's draft for a report: empty texts and no date when they have not saved one. */
export function reportDraft(db: Db, user: User, choice: DraftChoice): ReportDraft {
  refuseNonPerson(user);
  const draft = getReportDraft(db, keyOf(user, choice));
  return draft
    ? { texts: narrativeTexts(db, draft.narrativeIds), updatedAt: draft.updatedAt }
    : { texts: {}, updatedAt: null };
}

/**
 * Saves a person's narrative texts for a report, replacing the draft's. Refuses, saving nothing, a
 * section the template has no narrative of, a text longer than its section allows, and a text that
 * looks like personal data. An empty text clears its section. Words unchanged keep their kept text;
 * a text rewritten or cleared before any report used it is forgotten.
 */
export function saveDraft(
  db: Db,
  user: User,
  choice: DraftChoice,
  texts: Record<string, string>,
  now: Date,
): ReportDraft {
  refuseNonPerson(user);
  const template = reportTemplateOf(choice.template);
  const narratives = new Map(
    template.sections
      .filter((s): s is NarrativeSection => s.kind === 'narrative')
      .map((section) => [section.code, section]),
  );
  const unknown = Object.keys(texts).filter((code) => !narratives.has(code));
  if (unknown.length > 0)
    throw badRequest(
      `The ${template.name} has no narrative section ${unknown.map((c) => `"${c}"`).join(', ')}: its sections to write are ${[...narratives.keys()].join(', ')}.`,
    );
  guardFreeText(
    Object.entries(texts).map(([code, text]) => {
      const section = narratives.get(code) as NarrativeSection;
      return { field: `texts.${code}`, place: `“${section.title}”`, text, maxLength: section.maxLength };
    }),
    now,
  );
  return db.transaction(() => {
    const at = now.toISOString();
    const key = keyOf(user, choice);
    const before = getReportDraft(db, key)?.narrativeIds ?? {};
    const kept = getFreeTexts(db, Object.values(before));
    const narrativeIds: Record<string, number> = {};
    for (const [code, text] of Object.entries(texts)) {
      if (text.trim() === '') continue;
      const previous = before[code];
      narrativeIds[code] =
        previous !== undefined && kept.get(previous)?.text === text
          ? previous
          : insertFreeText(db, { text, userId: user.id, at });
    }
    saveReportDraft(db, key, { narrativeIds, at });
    deleteUnusedNarrativeTexts(db, Object.values(before));
    return { texts: narrativeTexts(db, narrativeIds), updatedAt: at };
  })();
}
