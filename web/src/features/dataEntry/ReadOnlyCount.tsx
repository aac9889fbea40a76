import { formatCount } from './layout';

/** A computed or locked count; a blank reads as "blank" to screen readers and shows as a dash. */
export function ReadOnlyCount({ value }: { value: number | null }) {
  if (value === null)
    return (
      <span className="blank-count">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">blank</span>
      </span>
    );
  return <span>{formatCount(value)}</span>;
}
