// Where an export's CSV goes. Chromium's File System Access API streams it to the file the user picked,
// so nothing accumulates in the page; elsewhere each page becomes its own Blob (the string is released,
// the browser keeps the bytes outside the JS heap) and the parts are downloaded as one file at the end.
import type { CsvSink } from './exporter';

export interface ExportFile {
  name: string;
  bytes: number;
  /** Object URL of the downloaded Blob (fallback path only); revoke it with releaseFile. */
  url: string | null;
}

export interface ExportSink extends CsvSink {
  readonly kind: 'file' | 'download';
  close(): Promise<ExportFile>;
  /** Drops what was written (cancel): the picked file keeps its old content, nothing is downloaded. */
  abort(): Promise<void>;
}

interface SavePickerOptions {
  suggestedName?: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}
type SaveFilePicker = (options?: SavePickerOptions) => Promise<FileSystemFileHandle>;

function savePicker(): SaveFilePicker | undefined {
  return (globalThis as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
}

export function canStreamToFile(): boolean {
  return typeof savePicker() === 'function';
}

const CSV_TYPE = 'text/csv;charset=utf-8';

/**
 * Asks where to save (must run in the click handler: the picker needs the user's gesture). Rejects with
 * an AbortError DOMException when the user closes the picker.
 */
export async function pickFileSink(suggestedName: string): Promise<ExportSink> {
  const pick = savePicker();
  if (!pick) throw new Error('Saving to a file is not supported in this browser.');
  const handle = await pick({
    suggestedName,
    types: [{ description: 'CSV file', accept: { 'text/csv': ['.csv'] } }],
  });
  const writable = await handle.createWritable();
  return {
    kind: 'file',
    // Strings go straight in (written as UTF-8); encoding them here would only add a copy per page.
    write: (chunk) => writable.write(chunk),
    close: async () => {
      await writable.close();
      return { name: handle.name, bytes: (await handle.getFile()).size, url: null };
    },
    abort: () => writable.abort(),
  };
}

/** Collects one Blob per page and downloads them as one file on close. */
export function downloadSink(name: string): ExportSink {
  let parts: Blob[] = [];
  let bytes = 0;
  return {
    kind: 'download',
    write: async (chunk) => {
      const part = new Blob([chunk], { type: CSV_TYPE });
      bytes += part.size;
      parts.push(part);
    },
    close: async () => {
      const url = URL.createObjectURL(new Blob(parts, { type: CSV_TYPE }));
      parts = [];
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      return { name, bytes, url };
    },
    abort: async () => {
      parts = [];
    },
  };
}

/** Frees the downloaded Blob once the dialog that offers "Download again" is gone. */
export function releaseFile(file: ExportFile | null): void {
  if (file?.url) URL.revokeObjectURL(file.url);
}

/** "contacts-northwind-clinics-uk-sms-search-4420-2026-11-23.csv": what, which filter, when. */
export function exportFileName(
  parts: { account?: string | null; channel?: string; search?: string },
  date = new Date(),
): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
  const pieces = ['contacts', parts.account, parts.channel, parts.search ? `search-${parts.search}` : null]
    .map((piece) => (piece ? slug(piece) : ''))
    .filter(Boolean);
  return `${pieces.join('-')}-${date.toISOString().slice(0, 10)}.csv`;
}
