// Rows handed over in batches (the parse worker posts each one to the page). A batch closes at a number of
// cells rather than rows: the page decodes each message in one task, and 5,000 rows of a 90-column Outlook
// export are half a million strings, where a one-column list's are 5,000.

/** Rows of a file as the worker sends them: their row numbers and cells. */
export interface RowBatch {
  rows: number[];
  cells: string[][];
}

/** Cells a batch holds at most (a little over, by one row): a few milliseconds to decode. */
export const BATCH_CELLS = 20_000;

export class RowBatcher {
  private batch: RowBatch = { rows: [], cells: [] };
  private size = 0;

  constructor(
    private readonly onBatch: (batch: RowBatch) => void,
    private readonly maxCells = BATCH_CELLS,
  ) {}

  add(row: number, cells: string[]): void {
    this.batch.rows.push(row);
    this.batch.cells.push(cells);
    this.size += Math.max(1, cells.length);
    if (this.size >= this.maxCells) this.flush();
  }

  /** Hands over what is left. */
  flush(): void {
    if (this.batch.rows.length) this.onBatch(this.batch);
    this.batch = { rows: [], cells: [] };
    this.size = 0;
  }
}
