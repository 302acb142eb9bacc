// The parse worker: reads a CSV/TSV file or pasted text off the main thread and posts its rows back in
// batches. Our own module worker, not papaparse's `worker: true` (which finds its script by a path that
// bundlers break). Deliberately small: a worker bundle shares no chunks with the app, so the phone library
// stays on the main thread (the check runs there, time-sliced).
import { IMPORT_MAX_ROWS, sha256Hex } from '../../shared/imports';
import { decodeText, parseDelimited } from './delimited';
import type { ParseMessage, ParseRequest } from './parseProtocol';

const post = (message: ParseMessage) => postMessage(message);

async function parse(request: ParseRequest) {
  // The whole file at once (a 100,000-row file is a few MB): its hash needs every byte anyway, and
  // papaparse's own file reader cuts chunks at byte offsets, which can split a UTF-8 character.
  const bytes =
    request.kind === 'file'
      ? new Uint8Array(await request.file.arrayBuffer())
      : new TextEncoder().encode(request.text);
  const sha256 = await sha256Hex(bytes);
  const text = request.kind === 'file' ? decodeText(bytes) : request.text;
  // One row more than an import may carry: the first may be a header.
  const summary = parseDelimited(text, (batch) => post({ type: 'rows', ...batch }), {
    maxRows: IMPORT_MAX_ROWS + 1,
  });
  post({ type: 'done', summary, sha256 });
}

addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  parse(event.data).catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : 'The file could not be read.' }),
  );
});
