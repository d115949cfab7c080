interface EitherFilterProps {
  label: string;
  value: boolean | undefined;
  onChange(value: boolean | undefined): void;
  /** What true and false are called: Online and Offline, Running and Finished. */
  names: readonly [whenTrue: string, whenFalse: string];
}

/** A yes/no filter with "All" for no filter. */
export function EitherFilter({ label, value, onChange, names }: EitherFilterProps) {
  return (
    <label>
      {label}
      <select
        value={value === undefined ? 'all' : String(value)}
        onChange={(event) => onChange(event.target.value === 'all' ? undefined : event.target.value === 'true')}
      >
        <option value="all">All</option>
        <option value="true">{names[0]}</option>
        <option value="false">{names[1]}</option>
      </select>
    </label>
  );
}
