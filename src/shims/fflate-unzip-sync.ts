// read-excel-file unzips an .xlsx with fflate's async `unzip`, which, for any entry over 512 kB, starts a
// Worker from a blob: URL. The console's Content-Security-Policy (script-src 'self', no blob:) refuses that
// worker, and fflate never hears back: reading a big spreadsheet would hang. Aliased in for read-excel-file
// only (vite.config.ts), this `unzip` decompresses in place instead; the rest is fflate itself.
import { type AsyncUnzipOptions, type FlateError, type UnzipCallback, unzipSync } from 'fflate/browser';

export { strFromU8 } from 'fflate/browser';

export function unzip(data: Uint8Array, options: AsyncUnzipOptions, callback: UnzipCallback): () => void {
  // Asynchronous like fflate's, so callers see the same order of events.
  queueMicrotask(() => {
    let files: ReturnType<typeof unzipSync>;
    try {
      files = unzipSync(data, options);
    } catch (error) {
      callback(error as FlateError, {});
      return;
    }
    callback(null, files);
  });
  return () => {};
}
