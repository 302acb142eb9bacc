// The first step's state: nothing chosen → reading (rows so far) → read (the rows) | failed. A new choice
// stops the read in progress; leaving the page stops it too.
import { useEffect, useRef, useState } from 'react';
import { isSpreadsheet, type ReadProgress, readDelimited, type SourceTable } from './readSource';
import { readWorkbook, sheetTable, type Workbook } from './xlsx';

export type ReadState =
  | { kind: 'empty' }
  | { kind: 'reading'; name: string; rowsRead: number }
  | { kind: 'read'; table: SourceTable }
  | { kind: 'failed'; name: string; message: string };

export interface SourceReader {
  state: ReadState;
  readFile(file: File): void;
  readText(text: string): void;
  /** A spreadsheet's other sheet. */
  pickSheet(index: number): void;
  reset(): void;
}

export function useSourceReader(): SourceReader {
  const [state, setState] = useState<ReadState>({ kind: 'empty' });
  const current = useRef<AbortController | null>(null);
  const workbook = useRef<Workbook | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const start = (
    name: string,
    read: (signal: AbortSignal, progress: ReadProgress) => Promise<SourceTable>,
  ) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    workbook.current = null;
    setState({ kind: 'reading', name, rowsRead: 0 });
    read(controller.signal, (rowsRead) => {
      if (!controller.signal.aborted) setState({ kind: 'reading', name, rowsRead });
    }).then(
      (table) => controller.signal.aborted || setState({ kind: 'read', table }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : 'The file could not be read.';
        setState({ kind: 'failed', name, message });
      },
    );
  };

  return {
    state,
    readFile: (file) =>
      start(file.name, async (signal, progress) => {
        if (!isSpreadsheet(file)) return readDelimited({ kind: 'file', file }, signal, progress);
        const book = await readWorkbook(file).catch(() => {
          throw new Error('This file could not be opened as an .xlsx spreadsheet.');
        });
        workbook.current = book;
        return sheetTable(book, 0);
      }),
    readText: (text) =>
      start('Pasted text', (signal, progress) => readDelimited({ kind: 'text', text }, signal, progress)),
    pickSheet: (index) => {
      if (workbook.current) setState({ kind: 'read', table: sheetTable(workbook.current, index) });
    },
    reset: () => {
      current.current?.abort();
      workbook.current = null;
      setState({ kind: 'empty' });
    },
  };
}
