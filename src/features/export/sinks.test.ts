import { afterEach, describe, expect, it, vi } from 'vitest';
import { canStreamToFile, downloadSink, pickFileSink, releaseFile } from './sinks';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Just enough of `document` for the download link. */
function stubDocument() {
  const clicked: { href: string; download: string }[] = [];
  vi.stubGlobal('document', {
    createElement: () => {
      const link = {
        href: '',
        download: '',
        hidden: false,
        click: () => clicked.push({ href: link.href, download: link.download }),
        remove: () => {},
      };
      return link;
    },
    body: { append: () => {} },
  });
  return clicked;
}

describe('downloadSink', () => {
  it('keeps one Blob per page and downloads them as one CSV file on close', async () => {
    const clicked = stubDocument();
    const sink = downloadSink('contacts.csv');
    await sink.write('a,b\r\n');
    await sink.write('1,"x,y"\r\n');
    await sink.write('2,é\r\n');
    const file = await sink.close();
    expect(file).toMatchObject({ name: 'contacts.csv', bytes: 20 });
    expect(clicked).toEqual([{ href: file.url, download: 'contacts.csv' }]);
    const blob = await fetch(file.url ?? '').then((r) => r.blob());
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await blob.text()).toBe('a,b\r\n1,"x,y"\r\n2,é\r\n');
    releaseFile(file);
    await expect(fetch(file.url ?? '')).rejects.toThrow();
  });

  it('abort drops what was written and downloads nothing', async () => {
    const clicked = stubDocument();
    const sink = downloadSink('contacts.csv');
    await sink.write('a\r\n');
    await sink.abort();
    expect(clicked).toEqual([]);
  });
});

describe('pickFileSink', () => {
  function fakePicker(options: { refuse?: boolean } = {}) {
    const written: string[] = [];
    const calls: unknown[] = [];
    let state: 'open' | 'closed' | 'aborted' = 'open';
    vi.stubGlobal('showSaveFilePicker', async (opts: unknown) => {
      calls.push(opts);
      if (options.refuse) throw new DOMException('The user aborted a request.', 'AbortError');
      return {
        name: 'chosen.csv',
        createWritable: async () => ({
          write: async (chunk: string) => void written.push(chunk),
          close: async () => {
            state = 'closed';
          },
          abort: async () => {
            state = 'aborted';
          },
        }),
        getFile: async () => new Blob(written),
      };
    });
    return { written, calls, state: () => state };
  }

  it('streams every chunk into the picked file and reports its name and size', async () => {
    const picker = fakePicker();
    expect(canStreamToFile()).toBe(true);
    const sink = await pickFileSink('contacts-2026-11-23.csv');
    expect(picker.calls[0]).toMatchObject({ suggestedName: 'contacts-2026-11-23.csv' });
    await sink.write('id\r\n');
    await sink.write('c1\r\n');
    expect(picker.written).toEqual(['id\r\n', 'c1\r\n']);
    expect(await sink.close()).toEqual({ name: 'chosen.csv', bytes: 8, url: null });
    expect(picker.state()).toBe('closed');
  });

  it('abort discards the stream; a dismissed picker rejects with AbortError', async () => {
    const picker = fakePicker();
    const sink = await pickFileSink('x.csv');
    await sink.abort();
    expect(picker.state()).toBe('aborted');

    fakePicker({ refuse: true });
    await expect(pickFileSink('x.csv')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('is not offered where the browser lacks File System Access', async () => {
    expect(canStreamToFile()).toBe(false);
    await expect(pickFileSink('x.csv')).rejects.toThrow(/not supported/);
  });
});
