/** How the report's situation reads at the top of the form: why it is locked, and the autosave state. */

import { formatDayOf, formatTime } from '../../lib/dates';
import { choose } from '../../lib/text';
import type { SubmissionDetail } from '../submissions/types';
import { entryState, notOpenYetSentence } from './entry';
import type { SaveState } from './useDraft';

/** The form's address for one agency's quarter. */
export function reportPath(agency: string, period: string): string {
  return `/report/${encodeURIComponent(agency)}/${encodeURIComponent(period)}`;
}

/** The history page's address for one agency's quarter. */
export function historyPath(agency: string, period: string): string {
  return `${reportPath(agency, period)}/history`;
}

/**
 * Why the form can't be edited, in a sentence or two; null when it can. The server decides through
 * `permissions.edit`; this only explains its decision. `today` is the coalition's day.
 */
export function lockReason(
  detail: Pick<SubmissionDetail, 'status' | 'period' | 'permissions'>,
  viewerIsAdmin: boolean,
  today: string,
): string | null {
  if (detail.permissions.edit) return null;
  const notYet = entryState(detail.period, today) === 'not-yet';
  if (viewerIsAdmin)
    return notYet
      ? `You're viewing this agency's report. ${notOpenYetSentence(detail.period)} You can open it early for every agency from the completeness page.`
      : "You're viewing this agency's report. Only the agency's own reporters can change the counts.";
  if (notYet && (detail.status === 'not_started' || detail.status === 'draft'))
    return `${notOpenYetSentence(detail.period)} You can look over the form now; the boxes open for your counts on that day.`;
  switch (detail.status) {
    case 'submitted':
      return "This report has been submitted and is waiting for the coalition's review, so it can't be changed right now. If the coalition returns it for correction, you'll be able to edit it again.";
    case 'approved':
      return 'The coalition has approved this report, so it is locked. If something needs correcting, contact the coalition: an admin can reopen it.';
    default:
      return detail.period.open
        ? 'You can read this report but not change it.'
        : `${detail.period.code} is closed for entry. If your agency still needs to report or correct something, contact the coalition.`;
  }
}

/**
 * The autosave line: "Saving…", "All changes saved at 2:05 PM", "Couldn't save — retrying". Typed
 * boxes that aren't counts yet are mentioned, because they are the one thing not being saved.
 */
export function describeSave(
  save: SaveState,
  {
    unsaved,
    invalidCount,
    heldBackExplanations = 0,
    updatedAt,
    timeZone,
  }: {
    unsaved: boolean;
    invalidCount: number;
    /** Explanations refused as personal data and not yet changed. */
    heldBackExplanations?: number;
    updatedAt: string | null;
    /** The coalition's, on whose clock save times read. */
    timeZone: string;
  },
): string {
  const boxes =
    invalidCount > 0
      ? ` ${invalidCount} ${choose(invalidCount, 'box needs', 'boxes need')} a whole number before ${choose(invalidCount, 'it', 'they')} can be saved.`
      : '';
  const explanations =
    heldBackExplanations > 0
      ? ` ${heldBackExplanations} ${choose(heldBackExplanations, 'explanation needs', 'explanations need')} changing before ${choose(heldBackExplanations, 'it', 'they')} can be saved.`
      : '';
  const waiting = `${boxes}${explanations}`;
  switch (save.kind) {
    case 'retrying':
      return `Couldn't save — retrying. What you typed is kept on this page.${waiting}`;
    case 'refused':
      return `Couldn't save: ${save.message}${waiting}`;
    case 'saving':
      return 'Saving…';
  }
  if (unsaved) return 'Saving…';
  if (save.kind === 'saved')
    return `${waiting ? 'All other changes' : 'All changes'} saved at ${formatTime(save.at, timeZone)}.${waiting}`;
  if (waiting) return waiting.trim();
  const at = updatedAt ? new Date(updatedAt) : null;
  if (updatedAt && at && !Number.isNaN(at.getTime())) {
    return `Draft last saved ${formatDayOf(updatedAt, timeZone)} at ${formatTime(at, timeZone)}.`;
  }
  return 'Your counts are saved automatically as you type.';
}
