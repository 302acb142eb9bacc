/**
 * Says which controls wait for JavaScript, when it is late or off: everything else on a server-rendered
 * screen is a link or a plain form and already works. Pure CSS decides when it shows (after 1.5 s without
 * html[data-ready]), so the server and the browser render the same markup.
 */
export function ScriptNote() {
  return (
    <p className="script-note">
      Still starting (or JavaScript is off): privacy mode, table layout, CSV export, editing, adding and
      removing need it. Paging, filters, search and lookup already work.
    </p>
  );
}
