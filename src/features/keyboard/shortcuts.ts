// The console's keyboard layer, loaded on idle (not needed for the first rows). It acts on what is on
// screen the way a user would: j/k move focus between the table's rows (each row already opens with
// Enter), Esc follows the detail's "All contacts" link (which restores the list's URL state), "g p" focuses
// the pager's page box and "?" opens the help (part of this lazy chunk: a separate one would split Vite's
// preload helper out of the main bundle, costing more than the dialog itself).
import { openShortcutHelp } from './helpDialog';
import { createKeySequence, hasModifier, isTypingTarget } from './keySequence';

export const BINDINGS = { j: 'next', k: 'prev', Escape: 'close', 'g p': 'page', '?': 'help' } as const;
type Action = (typeof BINDINGS)[keyof typeof BINDINGS];

function moveRow(doc: Document, step: 1 | -1): boolean {
  const rows = Array.from(doc.querySelectorAll<HTMLElement>('tbody tr.row-link'));
  if (rows.length === 0) return false;
  const current = rows.indexOf(doc.activeElement?.closest<HTMLElement>('tr.row-link') as HTMLElement);
  const next = current === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, current + step));
  rows[next]?.focus();
  rows[next]?.scrollIntoView({ block: 'nearest' });
  return true;
}

function run(doc: Document, action: Action): boolean {
  switch (action) {
    case 'next':
      return moveRow(doc, 1);
    case 'prev':
      return moveRow(doc, -1);
    case 'close': {
      const back = doc.querySelector<HTMLAnchorElement>('main .back-link');
      back?.click();
      return Boolean(back);
    }
    case 'page': {
      const box = doc.querySelector<HTMLInputElement>('input[aria-label="Go to page"]');
      box?.focus();
      box?.select();
      return Boolean(box);
    }
    case 'help':
      openShortcutHelp(doc);
      return true;
  }
}

/** Starts listening; returns the function that stops it. */
export function installShortcuts(doc: Document = document): () => void {
  const feed = createKeySequence<Action>(BINDINGS);
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || hasModifier(event) || isTypingTarget(event.target)) return;
    // A modal (export, help) owns the keyboard; a menu handles its own Escape.
    if (doc.querySelector('dialog[open], [role="dialog"]')) return;
    const action = feed(event.key, event.timeStamp);
    if (action && run(doc, action)) event.preventDefault();
  };
  doc.addEventListener('keydown', onKey);
  doc.documentElement.dataset.shortcuts = 'on';
  return () => {
    doc.removeEventListener('keydown', onKey);
    delete doc.documentElement.dataset.shortcuts;
  };
}
