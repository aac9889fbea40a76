import type { FormEvent, ReactNode } from 'react';
import { FilterSelect } from './FilterSelect';

export type QuarterOption = { code: string; label: string };

/**
 * The admin pages' "Quarter … Show" bar: choosing a quarter and pressing Show (or Enter) puts it in
 * the page's address, so the view can be bookmarked and Back returns to the last one.
 */
export function QuarterPicker({
  id,
  label,
  options,
  current,
  onChoose,
  children,
}: {
  /** The select's id, unique on the page. */
  id: string;
  /** The form's accessible name, saying what the quarter is chosen for. */
  label: string;
  options: readonly QuarterOption[];
  current: string | undefined;
  onChoose: (period: string) => void;
  /** Links shown beside the Show button. */
  children?: ReactNode;
}) {
  if (options.length === 0) return null;
  const listed = options.some((option) => option.code === current);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get('period') ?? '');
    if (chosen === current || options.some((option) => option.code === chosen)) onChoose(chosen);
  }

  return (
    <form className="filter-bar" onSubmit={handleSubmit} aria-label={label}>
      <FilterSelect
        id={id}
        label="Quarter"
        name="period"
        defaultValue={current}
        options={[
          ...(!listed && current ? [{ value: current, label: current }] : []),
          ...options.map((option) => ({ value: option.code, label: option.label })),
        ]}
      />
      <div className="filter-bar__actions">
        <button type="submit" className="button">
          Show
        </button>
        {children}
      </div>
    </form>
  );
}
