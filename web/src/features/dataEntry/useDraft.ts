/**
 * The working copy of a draft and its autosave. Typed text lives here until the server has it; a
 * save is sent about 800 ms after the last edit and names only the cells that changed. A failed
 * save never discards what was typed: a network or server failure is retried with a growing pause,
 * and a refusal (a 4xx) waits until the reporter changes something.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../components/QueryStatus';
import { useSaveValues } from '../submissions/mutations';
import { cellProblemsOf, explanationRefusalsOf, isTransient } from '../submissions/problems';
import type { SaveValuesBody, SubmissionDetail } from '../submissions/types';
import {
  changedExplanations,
  changedValues,
  effectiveValues,
  invalidEntries,
  isEmptyChange,
  withoutRefused,
} from './entries';

/** Pause after the last keystroke before saving. */
export const autosaveDelayMs = 800;
const firstRetryMs = 2_000;
const longestRetryMs = 30_000;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; message: string }
  | { kind: 'refused'; message: string; cells: Array<{ cell: string; message: string }> };

export type Draft = {
  /** Saved values overlaid with valid typed entries: what the checks and totals read. */
  values: Map<string, number>;
  /** Text typed into cells, by cell key; absent for untouched cells. */
  entries: Record<string, string>;
  setEntry: (key: string, text: string) => void;
  /** Typed cells that are not counts, with a message for each. */
  invalid: Map<string, string>;
  /** Saved explanations overlaid with what is being typed, by finding code. */
  explanations: Record<string, string>;
  setExplanation: (code: string, text: string) => void;
  /** Explanations refused as personal data, by finding code, while they still read as refused. */
  explanationProblems: Map<string, string>;
  /** The reply to a return: what is saved, or what is being typed. */
  reply: string;
  setReply: (text: string) => void;
  /** Why the reply was refused, while it still reads as refused. */
  replyProblem: string | null;
  save: SaveState;
  /** True while anything typed has not reached the server. */
  unsaved: boolean;
  /** Saves now and resolves once nothing valid is waiting (or rejects if the save fails). */
  flush: () => Promise<void>;
  /** Forgets typed entries (after an upload replaced the draft on the server). */
  reset: () => void;
};

/** A refused text: the words as sent, and why. */
type Refusal = { text: string; message: string };

/**
 * The reply to send: the typed words when they differ from what is saved, unless they read exactly as
 * the server refused them. Only while the reporter may reply.
 */
function changedReply(
  detail: SubmissionDetail,
  typed: string | null,
  refused: Refusal | null,
): string | null {
  if (!detail.permissions.reply || typed === null) return null;
  const words = typed.trim();
  if (words === (detail.reply ?? '') || words === refused?.text) return null;
  return words;
}

/** What is waiting to be sent: only changed cells, and explanations and the reply only when they changed. */
function pendingBody(
  detail: SubmissionDetail,
  entries: Record<string, string>,
  explanationDrafts: Record<string, string>,
  refused: Record<string, Refusal>,
  reply: string | null,
): SaveValuesBody | null {
  const values = changedValues(detail.values, entries);
  const refusedTexts = Object.fromEntries(Object.entries(refused).map(([code, r]) => [code, r.text]));
  const explanations = withoutRefused(
    changedExplanations(detail.explanations, explanationDrafts),
    refusedTexts,
  );
  if (isEmptyChange({ values, explanations }) && reply === null) return null;
  return {
    values,
    ...(Object.keys(explanations).length > 0 ? { explanations } : {}),
    ...(reply === null ? {} : { reply }),
  };
}

/** The field name the server gives a refused reply, beside the explanations' warning codes. */
const replyField = 'reply';

export function useDraft(detail: SubmissionDetail): Draft {
  const editable = detail.permissions.edit;
  const [entries, setEntries] = useState<Record<string, string>>({});
  const [explanationDrafts, setExplanationDrafts] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [refusedExplanations, setRefusedExplanations] = useState<Record<string, Refusal>>({});
  const [replyDraft, setReplyDraft] = useState<string | null>(null);
  const [refusedReply, setRefusedReply] = useState<Refusal | null>(null);
  const mutation = useSaveValues({ agency: detail.agency.code, period: detail.period.code });

  // The latest state, for timers and promises that outlive the render that started them.
  const latest = useRef({
    detail,
    entries,
    explanationDrafts,
    editable,
    refusedExplanations,
    replyDraft,
    refusedReply,
  });
  latest.current = {
    detail,
    entries,
    explanationDrafts,
    editable,
    refusedExplanations,
    replyDraft,
    refusedReply,
  };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const retryDelay = useRef(firstRetryMs);
  /** The body of the last refused save: it is not sent again until something changes. */
  const refusedBody = useRef<string | null>(null);
  /** The current `run`, for a retry timer set by an earlier one. */
  const runRef = useRef<() => Promise<void>>(async () => {});

  const sendOnce = useCallback(async (): Promise<void> => {
    const {
      detail: current,
      entries: typed,
      explanationDrafts: drafts,
      editable: canEdit,
      refusedExplanations: refused,
      replyDraft: typedReply,
      refusedReply: replyRefusal,
    } = latest.current;
    if (!canEdit) return;
    const body = pendingBody(
      current,
      typed,
      drafts,
      refused,
      changedReply(current, typedReply, replyRefusal),
    );
    if (!body) return;
    const serialized = JSON.stringify(body);
    if (serialized === refusedBody.current) throw new Error('refused');
    setSave({ kind: 'saving' });
    try {
      const saved = await mutation.mutateAsync(body);
      refusedBody.current = null;
      retryDelay.current = firstRetryMs;
      // The cache now holds `saved`; keep `latest` in step so a follow-up save diffs against it.
      latest.current = { ...latest.current, detail: saved };
      setSave({ kind: 'saved', at: new Date() });
    } catch (error) {
      if (isTransient(error)) {
        setSave({ kind: 'retrying', message: errorMessage(error) });
        const delay = retryDelay.current;
        retryDelay.current = Math.min(delay * 2, longestRetryMs);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void runRef.current().catch(() => {}), delay);
      } else {
        const sent = body.explanations ?? {};
        const { [replyField]: replyRefused, ...refusals } = explanationRefusalsOf(error, [
          ...Object.keys(sent),
          ...(body.reply == null ? [] : [replyField]),
        ]);
        if (replyRefused !== undefined) setRefusedReply({ text: body.reply ?? '', message: replyRefused });
        if (Object.keys(refusals).length > 0) {
          // Only the texts are held back; the counts go again without them.
          setRefusedExplanations((previous) => {
            const next = { ...previous };
            for (const [code, message] of Object.entries(refusals))
              next[code] = { text: sent[code] ?? '', message };
            return next;
          });
        } else if (replyRefused === undefined) refusedBody.current = serialized;
        const message =
          Object.keys(refusals).length > 0
            ? "An explanation wasn't saved because it looks like it contains details about a person. The message beside it says what to change."
            : replyRefused !== undefined
              ? "Your reply wasn't saved because it looks like it contains details about a person. The message beside it says what to change."
              : errorMessage(error);
        setSave({ kind: 'refused', message, cells: cellProblemsOf(error) });
      }
      throw error;
    }
  }, [mutation.mutateAsync]);

  /** Runs one save at a time; edits made during a save are sent by the next one. */
  const run = useCallback(async (): Promise<void> => {
    while (inFlight.current) await inFlight.current.catch(() => {});
    const attempt = sendOnce();
    inFlight.current = attempt;
    try {
      await attempt;
    } finally {
      if (inFlight.current === attempt) inFlight.current = null;
    }
  }, [sendOnce]);
  runRef.current = run;

  // Autosave: a pause after the last edit, then a save of whatever changed.
  const pending = useMemo(
    () =>
      pendingBody(
        detail,
        entries,
        explanationDrafts,
        refusedExplanations,
        changedReply(detail, replyDraft, refusedReply),
      ),
    [detail, entries, explanationDrafts, refusedExplanations, replyDraft, refusedReply],
  );
  const unsaved = pending !== null;
  useEffect(() => {
    if (!editable || !pending || JSON.stringify(pending) === refusedBody.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run().catch(() => {}), autosaveDelayMs);
    return () => clearTimeout(timer.current);
  }, [pending, editable, run]);

  // Leaving the page with unsaved typing asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    refusedBody.current = null;
    await run();
  }, [run]);

  const setEntry = useCallback((key: string, text: string) => {
    setEntries((previous) => ({ ...previous, [key]: text }));
  }, []);
  const setExplanation = useCallback((code: string, text: string) => {
    setExplanationDrafts((previous) => ({ ...previous, [code]: text }));
  }, []);
  const setReply = useCallback((text: string) => setReplyDraft(text), []);
  const reset = useCallback(() => {
    clearTimeout(timer.current);
    setEntries({});
    setExplanationDrafts({});
  }, []);

  const values = useMemo(() => effectiveValues(detail.values, entries), [detail.values, entries]);
  const invalid = useMemo(() => invalidEntries(entries), [entries]);
  const explanationProblems = useMemo(() => {
    const problems = new Map<string, string>();
    for (const [code, { text, message }] of Object.entries(refusedExplanations))
      if ((explanationDrafts[code] ?? '').trim() === text) problems.set(code, message);
    return problems;
  }, [refusedExplanations, explanationDrafts]);
  const explanations = useMemo(() => {
    const merged: Record<string, string> = { ...detail.explanations };
    for (const [code, text] of Object.entries(explanationDrafts)) merged[code] = text;
    return merged;
  }, [detail.explanations, explanationDrafts]);

  return {
    values,
    entries,
    setEntry,
    invalid,
    explanations,
    setExplanation,
    explanationProblems,
    reply: replyDraft ?? detail.reply ?? '',
    setReply,
    replyProblem:
      refusedReply !== null && replyDraft?.trim() === refusedReply.text ? refusedReply.message : null,
    save,
    unsaved,
    flush,
    reset,
  };
}

/** Explanations that can be sent: those refused as personal data count as missing until changed. */
export function usableExplanations(draft: Draft): Record<string, string> {
  const usable: Record<string, string> = {};
  for (const [code, text] of Object.entries(draft.explanations))
    if (!draft.explanationProblems.has(code)) usable[code] = text;
  return usable;
}
