// A labelled <select> over a list of options (see Field for why the label is not wrapping).
import { Field } from "./Field";

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({ label, className = "field", value, onChange, options, placeholder, testId }: {
  label: string;
  className?: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** An extra first option with the empty value (e.g. "Any"). */
  placeholder?: string;
  testId?: string;
}) {
  return (
    <Field label={label} className={className}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
