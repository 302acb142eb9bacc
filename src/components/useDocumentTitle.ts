import { useEffect } from 'react';

const APP = 'Sent console';

/** "<what> · Sent console", so tabs and history entries say which screen they are. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP}` : APP;
  }, [title]);
}
