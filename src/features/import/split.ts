// Several numbers in one cell: Google Contacts joins a contact's numbers of one kind with " ::: ", and people
// type ";", ",", " / " or a new line between numbers. A cell is cut only at those separators, never inside a
// number: "+44 (0)20 7946 0958" and "030/1234567" stay whole, and what follows a number without being one
// itself (an extension: "x12", "ext. 12", ";ext=12", ",,12" dialled after a pause) stays with it.
// No DOM and no phone library: runs in the parse worker (column counts) and in the check.

/** Google's " ::: ", new lines, ";" (not a tel: parameter such as ";ext=12"), "," and " / " (spaced). */
const SEPARATOR = /\s*:::\s*|\s*[\r\n]+\s*|;(?![a-z-]+=)|,|\s+\/\s+/gi;
/** Fewer digits than this and a piece is not a number of its own but part of the one before it. */
const MIN_DIGITS = 6;
/** An extension at the end of a number: " x12", " ext. 12", ";ext=12", ",,12", " #12". */
const EXTENSION = /\s*(?:;\s*ext=|,+\s*|[,;]?\s*(?:ext\.?|extn\.?|extension|x|#)\s*)\d{1,7}\s*$/i;

const digitCount = (text: string) => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
};

/**
 * The numbers written in one cell, each as written (trimmed). An empty cell gives none; a cell with no
 * separator gives itself, whatever it holds (the check says why it is not a number).
 */
export function splitNumbers(cell: string): string[] {
  const text = cell.trim();
  if (!text) return [];
  // The common cell holds one number and no separator: no regex work beyond one test.
  SEPARATOR.lastIndex = 0;
  if (!SEPARATOR.test(text)) return [text];
  SEPARATOR.lastIndex = 0;
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  const take = (end: number) => {
    const piece = text.slice(start, end);
    const previous = pieces.at(-1);
    if (!piece.trim()) return;
    // A short piece (an extension, a stray word) stays with the number before it, as it was written.
    if (previous && digitCount(piece) < MIN_DIGITS) previous.end = end;
    else pieces.push({ start, end });
  };
  for (let match = SEPARATOR.exec(text); match; match = SEPARATOR.exec(text)) {
    take(match.index);
    start = match.index + match[0].length;
  }
  take(text.length);
  return pieces.map(({ start: from, end }) => text.slice(from, end).trim());
}

/** The number without its extension, for the phone library (a contact is the line, not an extension). */
export function withoutExtension(number: string): string {
  return number.replace(EXTENSION, '');
}
