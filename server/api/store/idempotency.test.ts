import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbeddedApi } from '../server.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const create = (api: ReturnType<typeof createEmbeddedApi>, key: string) =>
  api.fetch(
    new Request('http://api/v3/contacts', {
      method: 'POST',
      headers: {
        'x-api-key': 'sk_test_org_demo',
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({ phone_number: '+442079461777' }),
    }),
  );

describe('Idempotency-Key answers', () => {
  it('survive a restart of the API: the retry gets the first 201, not a 409', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sent-idem-'));
    dirs.push(dir);
    const options = { dbPath: join(dir, 'api.sqlite'), contactsPerProfile: 5, rateLimit: false as const };
    const first = createEmbeddedApi(options);
    const created = await create(first, 'imp-restart-1');
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string } };
    first.close();

    const again = createEmbeddedApi(options);
    const replay = await create(again, 'imp-restart-1');
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as { data: { id: string } }).data.id).toBe(data.id);
    // A new key for the same number is a new request: the number is already there.
    expect((await create(again, 'imp-restart-2')).status).toBe(409);
    again.close();
  });
});
