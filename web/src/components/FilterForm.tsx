/**
 * The search and filter form of the public list pages (services, open data, reports, Vereine).
 * Every value lives in the URL query, so each result list has a stable address to share, and any
 * change of filter starts at page 1 again (`seite`). Selects and checkboxes apply as they change;
 * the free text (`q`) applies only on submit (Enter or the button), so the list does not reload and
 * announce a new count at every key. The result count is the page's own live region.
 *
 * The pieces are placed by the page inside `FilterForm`, which holds the text as typed:
 *
 *   <FilterForm all="alle">
 *     <SearchField id="x-q" label="…" hint="…" />
 *     <div className="filters__grid">
 *       <FilterSelect id="x-district" label="…" param="stadtteil"><DistrictOptions /></FilterSelect>
 *     </div>
 *     <FilterCheckbox param="kostenlos" value="1">…</FilterCheckbox>
 *     <FilterActions submit="…" reset={{ label: '…', to: '/x', shown: filtered }} />
 *   </FilterForm>
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from './Field';

/**
 * The page's URL query, and `update`, which sets filters (an array for a key that may repeat; ''
 * or [] removes the key) and goes back to page 1.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  function update(changes: Record<string, string | readonly string[]>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      for (const v of typeof value === 'string' ? [value] : value) if (v) next.append(key, v);
    }
    next.delete('seite');
    setParams(next);
  }
  return { params, setParams, update };
}

/**
 * What the pieces share: the free text as typed (it reaches the URL only on submit, and the reset
 * must empty it too) and the label of every select's empty option.
 */
const FormState = createContext<{ text: string; setText: (text: string) => void; all: string }>({
  text: '',
  setText: () => undefined,
  all: '',
});

/** `all` labels the empty option ("all") of every select; `label` names the search landmark where a page has more than one form. */
export function FilterForm({ all, label, children }: { all: string; label?: string; children: ReactNode }) {
  const { params, update } = useFilterParams();
  const [text, setText] = useState(params.get('q') ?? '');
  return (
    <form
      className="filters"
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        update({ q: text.trim() });
      }}
    >
      <FormState.Provider value={{ text, setText, all }}>{children}</FormState.Provider>
    </form>
  );
}

/** The free-text field with its hint. `type="search"` adds the browser's clear button. */
export function SearchField({
  id,
  label,
  hint,
  type = 'text',
  wide = false,
}: {
  id: string;
  label: string;
  hint: string;
  type?: 'text' | 'search';
  wide?: boolean;
}) {
  const { text, setText } = useContext(FormState);
  return (
    <Field id={id} label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          type={type}
          enterKeyHint="search"
          className={wide ? 'input--wide' : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A select bound to the URL key `param`, applied as it changes; its first option (the form's
 * `all`, the empty value) removes the key. `clears` names keys that no longer fit a new choice
 * (e.g. a Lebenslage of another Themenfeld); `value` and `all` override what the URL and the form say.
 */
export function FilterSelect({
  id,
  label,
  param,
  clears = [],
  value,
  all,
  children,
}: {
  id: string;
  label: string;
  param: string;
  clears?: string[];
  value?: string;
  all?: string;
  children: ReactNode;
}) {
  const { params, update } = useFilterParams();
  const form = useContext(FormState);
  return (
    <Field id={id} label={label}>
      {(control) => (
        <select
          {...control}
          value={value ?? params.get(param) ?? ''}
          onChange={(e) => update({ [param]: e.target.value, ...Object.fromEntries(clears.map((key) => [key, ''])) })}
        >
          <option value="">{all ?? form.all}</option>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A checkbox that puts `param=value` in the URL while ticked; with `multiple`, one of several values of `param`. */
export function FilterCheckbox({
  param,
  value,
  multiple = false,
  children,
}: {
  param: string;
  value: string;
  multiple?: boolean;
  children: ReactNode;
}) {
  const { params, update } = useFilterParams();
  const others = params.getAll(param).filter((v) => v !== value);
  const checked = multiple ? params.getAll(param).includes(value) : params.get(param) === value;
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          const on = e.target.checked;
          update({ [param]: multiple ? [...others, ...(on ? [value] : [])] : on ? value : '' });
        }}
      />
      {children}
    </label>
  );
}

interface ResetProps {
  label: string;
  /** The unfiltered list. */
  to: string;
  /** Only once something is filtered. */
  shown: boolean;
  /** A button instead of a link, for pages whose reset has always been one. */
  button?: boolean;
}

function ResetControl({ label, to, button }: ResetProps) {
  const { setText } = useContext(FormState);
  const navigate = useNavigate();
  if (button) {
    return (
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setText('');
          void navigate(to);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <Link to={to} onClick={() => setText('')}>
      {label}
    </Link>
  );
}

/** The submit button, and beside it the reset where the form has it at its end. */
export function FilterActions({ submit, secondary = false, reset }: { submit: string; secondary?: boolean; reset?: ResetProps }) {
  return (
    <div className="actions">
      <button type="submit" className={secondary ? 'button button--secondary' : 'button'}>
        {submit}
      </button>
      {reset?.shown ? <ResetControl {...reset} /> : null}
    </div>
  );
}

/** The reset on a line of its own, for forms whose submit button sits beside the text field. */
export function FilterReset(props: ResetProps) {
  return props.shown ? (
    <p>
      <ResetControl {...props} />
    </p>
  ) : null;
}
