import './filter-bar.css';

export type SelectOption = { value: string; label: string };

/** One labelled choice in a filter bar; the form reads it by `name` on submit. */
export function FilterSelect({
  id,
  label,
  name,
  defaultValue,
  options,
}: {
  /** The select's id, unique on the page. */
  id: string;
  label: string;
  name: string;
  defaultValue?: string;
  options: readonly SelectOption[];
}) {
  return (
    <div className="filter-bar__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
