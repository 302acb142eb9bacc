import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { createEmbeddedApi } from '../../api/server.ts';
import { embeddedUpstream } from '../upstream.ts';
import { ownAccountOf } from './own-account.ts';

describe('ownAccountOf', () => {
  const api = createEmbeddedApi({ dbPath: ':memory:', contactsPerProfile: 10 });
  afterAll(() => api.close());

  it("learns the key's own account from /v3/me", async () => {
    await api.ready;
    const org = ownAccountOf(embeddedUpstream(api));
    expect(org.get()).toBeNull();
    expect(await org.refresh()).toBe(DEMO_IDS.organization);
    expect(org.get()).toBe(DEMO_IDS.organization);
    expect(await ownAccountOf(embeddedUpstream(api, 'sk_test_profile_demo')).refresh()).toBe(
      DEMO_IDS.clinicsUk,
    );
  });

  it('stays unknown when the key is refused or the API is unreachable', async () => {
    expect(await ownAccountOf(embeddedUpstream(api, 'sk_test_nope')).refresh()).toBeNull();
    const down = ownAccountOf({
      baseUrl: 'http://x.invalid',
      apiKey: 'k',
      fetch: () => Promise.reject(new Error('ECONNREFUSED')),
    });
    expect(await down.refresh()).toBeNull();
  });
});
