/**
 * Date, month and date-time fields in the app's language, not the browser's.
 *
 * `<input type="date">` follows the browser's locale: "mm/dd/yyyy" and
 * "January 2027" inside the Chinese UI (issue 11 item 9). These use Mantine's
 * date inputs under the DatesProvider that App sets from the i18n language;
 * values stay the strings the pages already use: `YYYY-MM-DD`, `YYYY-MM` and
 * `YYYY-MM-DDTHH:mm` (desk-local, see lib/local-input.ts). Typing a value
 * works as before.
 */
import { useState } from 'react';
import { DateInput, MonthPickerInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/**
 * Closes the calendar once a whole value has been typed, so it no longer covers the form's buttons (typing
 * "2026-12-05" then clicking 保存 saves, instead of landing on the calendar); clicking the field opens it again.
 */
function useCloseWhenTyped(complete: RegExp) {
  const [typed, setTyped] = useState(false);
  return {
    popoverProps: { withinPortal: true, ...(typed ? { opened: false } : {}) },
    onInput: (e: React.FormEvent<HTMLInputElement>) => setTyped(complete.test(e.currentTarget.value.trim())),
    onClick: () => setTyped(false),
  };
}

type Common = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'minDate' | 'maxDate'> & {
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
};

/** A day, `YYYY-MM-DD` ('' when empty). */
export function DateField({ value, onChange, min, max, ...rest }: Common) {
  const typed = useCloseWhenTyped(/^\d{4}-\d{1,2}-\d{1,2}$/u);
  return (
    <DateInput
      {...typed}
      valueFormat="YYYY-MM-DD"
      value={value || null}
      onChange={(v) => onChange(v ? v.slice(0, 10) : '')}
      {...(min ? { minDate: min } : {})}
      {...(max ? { maxDate: max } : {})}
      {...rest}
    />
  );
}

/** A month, `YYYY-MM` ('' when empty), shown as 2027年1月 or January 2027 by the app's language. */
export function MonthField({ value, onChange, label, ...rest }: { value: string; onChange: (value: string) => void; label: string; w?: number; 'data-testid'?: string }) {
  const { i18n } = useTranslation();
  return (
    <MonthPickerInput
      label={label}
      valueFormat={i18n.language === 'en' ? 'MMMM YYYY' : 'YYYY年M月'}
      value={value ? `${value}-01` : null}
      onChange={(v) => onChange(v ? v.slice(0, 7) : '')}
      popoverProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

/** A local date and time, `YYYY-MM-DDTHH:mm` ('' when empty), typed as 2026-11-25 21:40. */
export function DateTimeField({ value, onChange, min, max, ...rest }: Common) {
  const typed = useCloseWhenTyped(/^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}$/u);
  return (
    <DateInput
      {...typed}
      valueFormat="YYYY-MM-DD HH:mm"
      withTime
      value={value ? `${value.replace('T', ' ').slice(0, 16)}:00` : null}
      onChange={(v) => onChange(v ? v.slice(0, 16).replace(' ', 'T') : '')}
      {...(min ? { minDate: min } : {})}
      {...(max ? { maxDate: max } : {})}
      {...rest}
    />
  );
}

/** Adapts a text input's `{ value, onChange(event) }` props to these fields' `onChange(value)`. */
export function eventProps<P extends { value: string; onChange: (e: { currentTarget: { value: string } }) => void }>(p: P): Omit<P, 'onChange'> & { onChange: (v: string) => void } {
  return { ...p, onChange: (v: string) => p.onChange({ currentTarget: { value: v } }) };
}
