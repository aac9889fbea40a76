import type { FormEvent, ReactNode } from 'react';
import { FilterSelect, type SelectOption } from './FilterSelect';

/**
 * The admin pages' "Quarter … Show" bar. Nothing changes until Show (or Enter); the pages then put the
 * quarter in their address, so a view can be bookmarked and Back returns to the last one.
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
  /** The quarters offered, by code. */
  options: readonly SelectOption[];
  current: string | undefined;
  onChoose: (period: string) => void;
  /** Links shown beside the Show button. */
  children?: ReactNode;
}) {
  if (options.length === 0) return null;
  const listed = options.some((option) => option.value === current);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get('period') ?? '');
    if (chosen === current || options.some((option) => option.value === chosen)) onChoose(chosen);
  }

  return (
    <form className="filter-bar" onSubmit={handleSubmit} aria-label={label}>
      <FilterSelect
        id={id}
        label="Quarter"
        name="period"
        defaultValue={current}
        options={!listed && current ? [{ value: current, label: current }, ...options] : options}
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
