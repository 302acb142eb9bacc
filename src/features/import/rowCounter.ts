// Row numbering shared by every source (CSV, pasted text, spreadsheet): blank rows are skipped but keep
// their number, so "row 12" here is row 12 in the person's spreadsheet too; reading stops past the limit.

export interface RowCounts {
  /** Rows with at least one non-blank cell. */
  rowCount: number;
  /**
   * Blank rows before the last row: skipped, but counted in the row numbers. (Blank rows at the end, such
   * as the final line break's, are not worth mentioning.)
   */
  blankRows: number;
  /** The source has more than the limit's rows; reading stopped there. */
  tooMany: boolean;
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

export class RowCounter {
  readonly counts: RowCounts = { rowCount: 0, blankRows: 0, tooMany: false };
  private rowNumber = 0;
  private blanksSinceLastRow = 0;

  constructor(
    private readonly maxRows: number,
    private readonly keep: (row: number, cells: string[]) => void,
  ) {}

  /** Takes the next row of the source; false once there are too many (stop reading). */
  add(cells: string[]): boolean {
    this.rowNumber++;
    if (isBlank(cells)) {
      this.blanksSinceLastRow++;
      return true;
    }
    if (this.counts.rowCount === this.maxRows) {
      this.counts.tooMany = true;
      return false;
    }
    this.counts.rowCount++;
    this.counts.blankRows += this.blanksSinceLastRow;
    this.blanksSinceLastRow = 0;
    this.keep(this.rowNumber, cells);
    return true;
  }

  /** Rows taken so far, blank or not: the next chunk of the source starts after them. */
  get rowsSeen(): number {
    return this.rowNumber;
  }
}
