/**
 * An admin opening a quarter for entry before it ends, for every agency, or closing it again. Every
 * list that says whether a quarter is open is refreshed afterwards: completeness, the periods list
 * and each agency's reports.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AnswerOf, api, json, pathParams } from '../../api/client';
import { completenessKeys, periodKeys, submissionKeys } from '../home/queries';
import { reminderKeys } from './queries';

const entryOf = api.periods[':period'].entry;

/** `PUT` and `DELETE /api/periods/{period}/entry`: the quarter and whether it is open for entry now. */
export type PeriodEntry = AnswerOf<typeof entryOf.$put>;

/** Opens (`open: true`) or closes a quarter that hasn't ended for entry by every agency. */
export function useEarlyEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, open }: { period: string; open: boolean }) => {
      const request = { param: pathParams({ period }) };
      return json(open ? entryOf.$put(request) : entryOf.$delete(request));
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: completenessKeys.all }),
        queryClient.invalidateQueries({ queryKey: periodKeys.all }),
        queryClient.invalidateQueries({ queryKey: submissionKeys.all }),
      ]),
  });
}

const reminders = api.completeness.reminders;

/** `POST /api/completeness/reminders`: what happened to each agency's reminder. */
export type SentReminders = AnswerOf<typeof reminders.$post>;

/** Mails the chosen agencies' reporters a reminder; the list's "last reminded" is refreshed after. */
export function useSendReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { period: string; agencies: string[]; note: string | null }) =>
      json(reminders.$post({ json: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reminderKeys.all() }),
  });
}

/** Records that the admin copied these agencies' reminders to send themselves. */
export function useRecordCopiedReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { period: string; agencies: string[] }) =>
      json(reminders.copied.$post({ json: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reminderKeys.all() }),
  });
}
