// The parse worker: reads a CSV/TSV file, a vCard file or pasted text off the main thread, posts its rows
// back in batches and counts each column's phone numbers on the way. Our own module worker, not papaparse's
// `worker: true` (which finds its script by a path that bundlers break). Deliberately small: a worker bundle
// shares no chunks with the app, so the phone library stays on the main thread (the check runs there,
// time-sliced).
import { IMPORT_MAX_ROWS, sha256Hex } from '../../shared/imports';
import { ColumnCounter } from './columnCounts';
import { decodeText, parseDelimited, type RowBatch } from './delimited';
import type { ParseMessage, ParseRequest, SourceSummary } from './parseProtocol';
import { isVCard, parseVCards } from './vcard';

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
  const counter = new ColumnCounter();
  const onBatch = (batch: RowBatch) => {
    for (const cells of batch.cells) counter.add(cells);
    post({ type: 'rows', ...batch });
  };
  // One row more than an import may carry: the first may be a header.
  const options = { maxRows: IMPORT_MAX_ROWS + 1 };
  let summary: SourceSummary;
  if (isVCard(request.kind === 'file' ? request.file.name : '', text)) {
    const { header, versions, ...counts } = parseVCards(text, onBatch, options);
    // The header becomes row 0 of the table: counted like a row, so taking the header row out evens out.
    counter.add(header);
    summary = { ...counts, format: 'vcard', delimiter: null, quoteProblems: [], header, versions };
  } else {
    const parsed = parseDelimited(text, onBatch, options);
    summary = { ...parsed, format: 'text', header: null, versions: [] };
  }
  post({ type: 'done', summary, counts: Array.from(counter.counts), sha256 });
}

addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  parse(event.data).catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : 'The file could not be read.' }),
  );
});
