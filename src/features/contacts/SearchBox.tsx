import { forwardRef, useEffect, useEffectEvent, useRef, useState } from 'react';
import { HiddenFields } from '../../components/HiddenFields';
import { useTypedBeforeHydration } from '../../components/typedBeforeHydration';
import { useListFormFields } from '../../url-state/useListParams';

const DEBOUNCE_MS = 300;

interface SearchBoxProps {
  /** The settled term (from the URL). */
  value: string;
  /** Called once typing pauses, with the previously settled term (to tell refining from starting). */
  onSettle: (term: string, previous: string) => void;
}

/**
 * Keeps what the user types in local state and reports a term only once typing pauses, so each settled
 * term costs exactly one request. The URL (and so the query key) only ever sees settled terms; React
 * Query aborts the request of a term that is superseded, and keyed caching means a late answer for an
 * old term can never replace the newer one. Enter settles at once; it is also a plain GET form
 * (`?search=…`), so Enter works before the app's JavaScript runs.
 */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(
  { value, onSettle },
  ref,
) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  useTypedBeforeHydration('contact-search', setText);
  const fields = useListFormFields('search');

  // Follow outside changes (back/forward, "Clear filters") without clobbering text still being typed.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  const settle = (term: string) => {
    const previous = committed.current;
    if (term === previous) return;
    committed.current = term;
    onSettle(term, previous);
  };

  // Armed by typing only. `onSettle` changes with every URL change: re-arming on it would, after Back, start
  // a timer for the old text before the effect above has cleared it, and a slow frame let it fire.
  const settleTyped = useEffectEvent(settle);
  useEffect(() => {
    const term = text.trim();
    if (term === committed.current) return;
    const timer = setTimeout(() => settleTyped(term), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <form
      className="search"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        settle(text.trim());
      }}
    >
      <HiddenFields fields={fields} />
      <label htmlFor="contact-search" className="sr-only">
        Search contacts by number
      </label>
      <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M7 2a5 5 0 0 1 3.9 8.1l3 3-.9.9-3-3A5 5 0 1 1 7 2Zm0 1.3a3.7 3.7 0 1 0 0 7.4 3.7 3.7 0 0 0 0-7.4Z" />
      </svg>
      <input
        ref={ref}
        id="contact-search"
        name="search"
        className="input search-input"
        type="search"
        inputMode="tel"
        autoComplete="off"
        spellCheck={false}
        placeholder="Search numbers…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            setText('');
          }
        }}
      />
      <span className="search-kbd" aria-hidden="true">
        /
      </span>
    </form>
  );
});
