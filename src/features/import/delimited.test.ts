import { describe, expect, it } from 'vitest';
import { decodeText, guessDelimiter, parseDelimited, type RowBatch } from './delimited';

/** Parses `text` and returns every row as [row number, cells], plus the summary. */
function parse(text: string, options: { maxRows?: number; batchCells?: number; chunkSize?: number } = {}) {
  const rows: [number, string[]][] = [];
  const batches: RowBatch[] = [];
  const summary = parseDelimited(
    text,
    (batch) => {
      batches.push(batch);
      batch.rows.forEach((row, i) => {
        rows.push([row, batch.cells[i] as string[]]);
      });
    },
    { maxRows: options.maxRows ?? 1000, batchCells: options.batchCells, chunkSize: options.chunkSize },
  );
  return { rows, summary, batches };
}

describe('parseDelimited', () => {
  it('strips the byte-order mark, from text and from a file’s bytes', () => {
    const { rows } = parse('\ufeffphone,name\n+442079460958,Ann\n');
    expect(rows[0]).toEqual([1, ['phone', 'name']]);
    const bytes = new TextEncoder().encode('\ufeffphone\n+442079460958\n');
    expect(bytes[0]).toBe(0xef);
    expect(decodeText(bytes)).toBe('phone\n+442079460958\n');
  });

  it('reads UTF-16 files (Excel’s "Unicode text") by their byte-order mark', () => {
    const text = 'phone\tname\n+442079460958\tZoë\n';
    const bytes = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer),
    ]);
    expect(decodeText(bytes)).toBe(text);
  });

  it('detects ; and tab separators, and reads a single column as one', () => {
    expect(parse('phone;name\n+44 20 7946 0958;Ann\n0044 20 7946 0959;Bo\n').rows[1]).toEqual([
      2,
      ['+44 20 7946 0958', 'Ann'],
    ]);
    const tabs = parse('name\tphone\nAnn\t(020) 7946 0958\n');
    expect(tabs.summary.delimiter).toBe('\t');
    expect(tabs.rows[1]).toEqual([2, ['Ann', '(020) 7946 0958']]);
    expect(guessDelimiter('+442079460958\n+442079460959\n')).toBe(',');
    expect(parse('+44 20 7946 0958\n+44 20 7946 0959').rows).toEqual([
      [1, ['+44 20 7946 0958']],
      [2, ['+44 20 7946 0959']],
    ]);
  });

  it('is not misled by empty lines when guessing the separator', () => {
    expect(guessDelimiter('a;b\n\n\n1;2\n\n3;4\n')).toBe(';');
  });

  it('keeps quoted newlines, separators and quotes inside one cell', () => {
    const { rows } = parse('phone,note\n+442079460958,"two\nlines, and ""quotes"""\n+442079460959,x\n');
    expect(rows).toEqual([
      [1, ['phone', 'note']],
      [2, ['+442079460958', 'two\nlines, and "quotes"']],
      [3, ['+442079460959', 'x']],
    ]);
  });

  it('skips empty and blank lines but keeps the file’s row numbers', () => {
    const { rows, summary } = parse('phone\r\n\r\n+442079460958\r\n  \r\n,\r\n+442079460959\r\n\r\n');
    expect(rows.map(([row]) => row)).toEqual([1, 3, 6]);
    // The blank lines between rows; not the trailing line breaks.
    expect(summary.blankRows).toBe(3);
    expect(summary.rowCount).toBe(3);
  });

  it('reports an unclosed quote by row number', () => {
    const { summary } = parse('phone\n+442079460958\n"+442079460959\n+442079460960\n');
    expect(summary.quoteProblems).toEqual([3]);
  });

  it('keeps tel: URIs and other formats as written (the check normalises them)', () => {
    const { rows } = parse('phone\ntel:+44-20-7946-0958\n"(020) 7946 0958"\n0044 20 7946 0958\n');
    expect(rows.map(([, [cell]]) => cell)).toEqual([
      'phone',
      'tel:+44-20-7946-0958',
      '(020) 7946 0958',
      '0044 20 7946 0958',
    ]);
  });

  it('stops past the row limit and says so', () => {
    const text = Array.from({ length: 10 }, (_, i) => `+4420794609${String(i).padStart(2, '0')}`).join('\n');
    const { rows, summary } = parse(text, { maxRows: 4 });
    expect(rows).toHaveLength(4);
    expect(summary.tooMany).toBe(true);
    expect(parse(text, { maxRows: 10 }).summary.tooMany).toBe(false);
  });

  it('streams 100,000 rows in batches of at most 10,000 cells, across chunk boundaries, every row numbered', () => {
    const lines = ['phone,name'];
    for (let i = 0; i < 100_000; i++)
      lines.push(`+1202555${String(i % 10_000).padStart(4, '0')},"Person ${i}"`);
    const { rows, summary, batches } = parse(lines.join('\n'), {
      maxRows: 100_001,
      batchCells: 10_000,
      chunkSize: 64 * 1024,
    });
    expect(summary).toMatchObject({ rowCount: 100_001, tooMany: false, blankRows: 0, delimiter: ',' });
    expect(rows).toHaveLength(100_001);
    // Two cells a row: 5,000 rows a batch.
    expect(batches.every((batch) => batch.rows.length <= 5000)).toBe(true);
    expect(batches).toHaveLength(21);
    expect(rows.every(([row], i) => row === i + 1)).toBe(true);
    expect(rows[100_000]).toEqual([100_001, ['+12025559999', 'Person 99999']]);
  });
});
