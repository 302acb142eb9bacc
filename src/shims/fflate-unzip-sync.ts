// read-excel-file unzips an .xlsx with fflate's async `unzip`, which, for any entry over 512 kB, starts a
// Worker from a blob: URL. The console's Content-Security-Policy (script-src 'self', no blob:) refuses that
// worker, and fflate never hears back: reading a big spreadsheet would hang. Aliased in for 'fflate'
// (vite.config.ts; read-excel-file is the only importer), this `unzip` decompresses in place instead.
import { type AsyncUnzipOptions, type FlateError, type UnzipCallback, unzipSync } from 'fflate/browser';

export { strFromU8 } from 'fflate/browser';

/** fflate's signature: `unzip(data, callback)` or `unzip(data, options, callback)`. */
export function unzip(
  data: Uint8Array,
  optionsOrCallback: AsyncUnzipOptions | UnzipCallback,
  maybeCallback?: UnzipCallback,
): () => void {
  const [options, callback] =
    typeof optionsOrCallback === 'function' ? [{}, optionsOrCallback] : [optionsOrCallback, maybeCallback];
  if (!callback) throw new TypeError('unzip needs a callback');
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
