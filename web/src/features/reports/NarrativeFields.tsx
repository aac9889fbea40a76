import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { formatTime } from '../../lib/dates';
import { useCoalitionTimeZone } from '../auth/useCoalitionToday';
import { characterCount, narrativeSections } from './builder';
import { useSaveDraft } from './mutations';
import { type DraftKey, draftQuery } from './queries';
import type { NarrativeSection, ReportDraft, Template } from './types';

/**
 * The template's narrative sections for one period and area, as this person last saved them. Each
 * is saved on its own, when the person leaves the field or presses its Save button, so a refusal
 * (a name, a phone number) is shown beside the words it is about and nothing else is lost.
 */
export function NarrativeFields({ template, draftKey }: { template: Template; draftKey: DraftKey }) {
  const sections = narrativeSections(template);
  const draft = useQuery({ ...draftQuery(draftKey), enabled: sections.length > 0 });
  if (sections.length === 0) return null;
  if (draft.isPending) return <Loading label="Loading your saved words…" />;
  if (draft.isError) {
    return (
      <LoadError
        what="your saved words for this report"
        error={draft.error}
        onRetry={() => void draft.refetch()}
        retrying={draft.isFetching}
      />
    );
  }
  return (
    <fieldset className="report-narratives">
      <legend>Your words</legend>
      <p className="field-help">
        Written about the project, never about a person: don’t name or describe a survivor. Each field is
        saved as a draft for this report, period and area when you leave it.
      </p>
      {sections.map((section) => (
        <NarrativeField
          key={`${draftKey.period}-${draftKey.area}-${section.code}`}
          section={section}
          draftKey={draftKey}
          draft={draft.data}
        />
      ))}
    </fieldset>
  );
}

/** One narrative field, its count, and whether it is saved; exported for tests. */
export function NarrativeField({
  section,
  draftKey,
  draft,
}: {
  section: NarrativeSection;
  draftKey: DraftKey;
  draft: ReportDraft;
}) {
  const timeZone = useCoalitionTimeZone();
  const saved = draft.texts[section.code] ?? '';
  const [text, setText] = useState(saved);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const save = useSaveDraft();
  const id = `narrative-${section.code}`;
  const over = text.length > section.maxLength;
  const unsaved = text !== saved;

  function saveNow() {
    if (save.isPending || over || !unsaved) return;
    // Only this field changes; the others keep what was last saved, so a refusal is about these words.
    save.mutate(
      { ...draftKey, texts: { ...draft.texts, [section.code]: text } },
      { onSuccess: (answer) => setSavedAt(answer.updatedAt ?? new Date().toISOString()) },
    );
  }

  const problem = over
    ? `This is ${text.length - section.maxLength} characters too long. Shorten it to ${section.maxLength} or fewer.`
    : save.isError
      ? errorMessage(save.error)
      : null;
  const status = save.isPending
    ? 'Saving…'
    : unsaved
      ? 'Not saved yet'
      : savedAt
        ? `Saved at ${formatTime(new Date(savedAt), timeZone)}`
        : saved !== ''
          ? 'Saved'
          : '';

  return (
    <div className="field report-narrative">
      <label htmlFor={id}>{section.title}</label>
      <p id={`${id}-help`} className="field-help">
        {section.prompt}
      </p>
      <textarea
        id={id}
        rows={5}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-help ${id}-count${problem ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          setText(event.target.value);
          if (save.isError) save.reset();
        }}
        onBlur={saveNow}
      />
      <div className="report-narrative__foot">
        <p id={`${id}-count`} className={over ? 'field-error' : 'muted'}>
          {characterCount(text, section.maxLength)}
        </p>
        <button type="button" className="button button--secondary button--small" onClick={saveNow}>
          Save
        </button>
        <p className="report-narrative__status" role="status">
          {status}
        </p>
      </div>
      {problem ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {save.isError && !over ? `These words weren’t saved. ${problem}` : problem}
        </p>
      ) : null}
    </div>
  );
}
