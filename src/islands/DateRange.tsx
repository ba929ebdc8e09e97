import { useEffect, useId, useRef } from 'react';

export interface DateRangeProps {
  from: string;
  to: string;
  /** `YYYY-MM-DD` bounds of the data, for the inputs' min and max. */
  min: string;
  max: string;
  onChange: (from: string, to: string) => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface DateFieldProps {
  label: string;
  value: string;
  min: string;
  max: string;
  onChange: (value: string) => void;
}

/**
 * One date input. It is uncontrolled, because a date input reports '' while a date is half
 * typed and a controlled one would wipe the half-typed date; the URL's value is copied in
 * whenever it changes and the field is not being edited.
 */
function DateField({ label, value, min, max, onChange }: DateFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const node = input.current;
    if (node && node !== document.activeElement && node.value !== value) node.value = value;
  }, [value]);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="date"
        defaultValue={value}
        min={min}
        max={max}
        onChange={(event) => {
          const next = event.target.value;
          if (next === '' || DATE.test(next)) onChange(next);
        }}
      />
    </>
  );
}

/** The session date range: two labelled date inputs, either may be empty. */
export function DateRange({ from, to, min, max, onChange }: DateRangeProps) {
  return (
    <fieldset className="facet">
      <legend>Session date</legend>
      <div className="date-range">
        <DateField
          label="From"
          value={from}
          min={min}
          max={to || max}
          onChange={(v) => onChange(v, to)}
        />
        <DateField
          label="To"
          value={to}
          min={from || min}
          max={max}
          onChange={(v) => onChange(from, v)}
        />
      </div>
    </fieldset>
  );
}
