import { type FormEvent, useEffect, useState } from 'react';

interface PagerProps {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  disabled?: boolean;
}

/** First/previous/next/last plus "go to page"; knows nothing about what is being paged. */
export function Pager({ page, pageCount, onPageChange, disabled = false }: PagerProps) {
  const last = Math.max(1, pageCount);
  const [draft, setDraft] = useState(String(page));
  // Follow the real page when it changes from elsewhere (buttons, back/forward, clamping).
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
      <button
        type="button"
        className="icon-btn"
        aria-label="First page"
        disabled={atStart}
        onClick={() => go(1)}
      >
        «
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label="Previous page"
        disabled={atStart}
        onClick={() => go(page - 1)}
      >
        ‹
      </button>
      <form className="pager-goto" onSubmit={submit}>
        <label htmlFor="pager-page">Page</label>
        <input
          id="pager-page"
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
      <button
        type="button"
        className="icon-btn"
        aria-label="Next page"
        disabled={atEnd}
        onClick={() => go(page + 1)}
      >
        ›
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label="Last page"
        disabled={atEnd}
        onClick={() => go(last)}
      >
        »
      </button>
    </nav>
  );
}
