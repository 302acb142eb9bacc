import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { HiddenFields } from './HiddenFields';

interface PagerProps {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  /** The address of a page: the arrows are real links, so they work before the app's JavaScript runs. */
  hrefFor: (page: number) => string;
  /** The rest of the view, for "go to page" as a plain GET form (see HiddenFields). */
  fields: readonly (readonly [string, string])[];
  disabled?: boolean;
}

interface StepProps {
  label: string;
  symbol: string;
  to: string | null;
}

/** A link to another page, or a disabled one (no href, so neither clickable nor focusable). */
function Step({ label, symbol, to }: StepProps) {
  return to === null ? (
    // biome-ignore lint/a11y/useValidAnchor: a disabled link, announced as such (aria-disabled)
    <a className="icon-btn" role="link" aria-label={label} aria-disabled="true">
      {symbol}
    </a>
  ) : (
    <Link className="icon-btn" aria-label={label} to={to}>
      {symbol}
    </Link>
  );
}

/** First/previous/next/last plus "go to page"; knows nothing about what is being paged. */
export function Pager({ page, pageCount, onPageChange, hrefFor, fields, disabled = false }: PagerProps) {
  const last = Math.max(1, pageCount);
  const [draft, setDraft] = useState(String(page));
  // Follow the real page when it changes from elsewhere (links, back/forward, clamping).
  useEffect(() => setDraft(String(page)), [page]);

  const go = (target: number) => {
    const next = Math.min(Math.max(1, Math.trunc(target)), last);
    if (next !== page) onPageChange(next);
    else setDraft(String(page));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = Number(draft);
    if (Number.isFinite(wanted) && draft.trim() !== '') go(wanted);
    else setDraft(String(page));
  };

  const atStart = disabled || page <= 1;
  const atEnd = disabled || page >= last;
  return (
    <nav className="pager" aria-label="Pagination">
      <Step label="First page" symbol="«" to={atStart ? null : hrefFor(1)} />
      <Step label="Previous page" symbol="‹" to={atStart ? null : hrefFor(page - 1)} />
      <form className="pager-goto" method="get" onSubmit={submit}>
        <HiddenFields fields={fields} />
        <label htmlFor="pager-page">Page</label>
        <input
          id="pager-page"
          name="page"
          className="input pager-input"
          inputMode="numeric"
          aria-label="Go to page"
          value={draft}
          disabled={disabled}
          onChange={(event) => setDraft(event.target.value.replace(/\D/g, ''))}
          onBlur={() => setDraft(String(page))}
        />
        <span>of {last.toLocaleString('en')}</span>
      </form>
      <Step label="Next page" symbol="›" to={atEnd ? null : hrefFor(page + 1)} />
      <Step label="Last page" symbol="»" to={atEnd ? null : hrefFor(last)} />
    </nav>
  );
}
