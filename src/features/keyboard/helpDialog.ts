// The "?" help: a native modal <dialog> (focus trap, Escape and backdrop for free), built once per opening.
import './help.css';

const SHORTCUTS: [string[], string][] = [
  [['j'], 'Next row'],
  [['k'], 'Previous row'],
  [['Enter'], 'Open the focused contact'],
  [['Esc'], 'Close the contact, back to the list'],
  [['/'], 'Search'],
  [['g', 'p'], 'Go to page…'],
  [['?'], 'This help'],
];

export function openShortcutHelp(doc: Document = document): HTMLDialogElement {
  const dialog = doc.createElement('dialog');
  dialog.className = 'modal help-dialog';
  dialog.setAttribute('aria-labelledby', 'help-title');
  const title = doc.createElement('h2');
  title.id = 'help-title';
  title.textContent = 'Keyboard shortcuts';
  const list = doc.createElement('dl');
  for (const [keys, what] of SHORTCUTS) {
    const row = doc.createElement('div');
    const dt = doc.createElement('dt');
    keys.forEach((key, i) => {
      if (i > 0) dt.append(' then ');
      const kbd = doc.createElement('kbd');
      kbd.textContent = key;
      dt.append(kbd);
    });
    const dd = doc.createElement('dd');
    dd.textContent = what;
    row.append(dt, dd);
    list.append(row);
  }
  const note = doc.createElement('p');
  note.className = 'help-note';
  note.textContent = 'Shortcuts are off while you type in a field.';
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'btn';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close(); // a click on the backdrop
  });
  const previous = doc.activeElement as HTMLElement | null;
  dialog.addEventListener('close', () => {
    dialog.remove();
    previous?.focus();
  });
  dialog.append(title, list, note, close);
  doc.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
