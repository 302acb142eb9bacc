import { strToU8, zipSync } from 'fflate/browser';
import { expect, it } from 'vitest';
import { strFromU8, unzip } from './fflate-unzip-sync';

// Over fflate's 512 kB threshold, where its own unzip would start a blob: worker.
const big = 'x'.repeat(600_000);
const archive = zipSync({ 'a.xml': strToU8('<a/>'), 'big.xml': strToU8(big) });

const unzipped = (run: (done: Parameters<typeof unzip>[2] & object) => void) =>
  new Promise<Record<string, Uint8Array>>((resolve, reject) =>
    run((error, files) => (error ? reject(error) : resolve(files))),
  );

it('unzips without a worker, called as read-excel-file calls it (no options) or with options', async () => {
  const files = await unzipped((done) => unzip(archive, done));
  expect(strFromU8(files['a.xml'] as Uint8Array)).toBe('<a/>');
  expect(files['big.xml']?.length).toBe(big.length);
  const filtered = await unzipped((done) => unzip(archive, { filter: (f) => f.name === 'a.xml' }, done));
  expect(Object.keys(filtered)).toEqual(['a.xml']);
});

it('reports a broken archive to the callback', async () => {
  await expect(unzipped((done) => unzip(new Uint8Array([1, 2, 3]), done))).rejects.toThrow();
});
