import type { ReactNode } from 'react';

/**
 * Says which controls wait for JavaScript, when it is late or off: everything else on a server-rendered
 * screen is a link or a plain form and already works. Pure CSS decides when it shows (after 1.5 s without
 * html[data-ready]), so the server and the browser render the same markup. A screen that needs JavaScript
 * for its main task says so in its own words (`children`), where it shows (`className`).
 */
export function ScriptNote({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <p className={className ? `script-note ${className}` : 'script-note'}>
      {children ??
        'Still starting (or JavaScript is off): privacy mode, table layout, CSV export, editing, adding and removing need it. Paging, filters, search and lookup already work.'}
    </p>
  );
}
