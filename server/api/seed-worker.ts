import { parentPort, workerData } from 'node:worker_threads';
import { generateContact, type OwnerSpec, type RegionMix, rowValues } from './generator.ts';

const { seed, owner, regions, start, end, firstRid, batch } = workerData as {
  seed: number;
  owner: OwnerSpec;
  regions: RegionMix;
  start: number;
  end: number;
  firstRid: number;
  batch: number;
};

let rows: unknown[][] = [];
for (let i = start; i < end; i++) {
  rows.push(rowValues(generateContact(seed, owner, regions, i), firstRid + i));
  if (rows.length === batch) {
    parentPort?.postMessage(rows);
    rows = [];
  }
}
if (rows.length) parentPort?.postMessage(rows);
