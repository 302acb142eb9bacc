import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy, permissions, resolveAccess } from './policy.ts';

const UK = '7a3d2c10-0000-4000-8000-000000000011';
const US = '7a3d2c10-0000-4000-8000-000000000012';

const policy = parsePolicy(
  {
    groups: {
      'uk-support': { role: 'agent', profiles: [UK] },
      'us-support': { role: 'viewer', profiles: [US.toUpperCase()] },
      viewers: { role: 'viewer', profiles: '*' },
      'it-admins': { role: 'admin', profiles: '*' },
    },
  },
  'test',
);

describe('resolveAccess', () => {
  it('gives the widest role and the union of profiles over the matching groups', () => {
    expect(resolveAccess(policy, ['uk-support', 'us-support', 'unrelated'])).toEqual({
      role: 'agent',
      profiles: [UK, US],
    });
    expect(resolveAccess(policy, ['us-support', 'viewers'])).toEqual({ role: 'viewer', profiles: '*' });
    expect(resolveAccess(policy, ['uk-support', 'it-admins'])).toEqual({ role: 'admin', profiles: '*' });
  });

  it('gives nothing without a matching group, whatever the group is called', () => {
    expect(resolveAccess(policy, [])).toBeNull();
    expect(resolveAccess(policy, ['UK-SUPPORT', '__proto__', 'constructor', 'toString'])).toBeNull();
  });
});

describe('permissions', () => {
  it('widen from viewer to agent to admin', () => {
    expect(permissions('viewer')).toMatchObject({ browse: true, seeNumbers: false, edit: false });
    expect(permissions('agent')).toMatchObject({
      seeNumbers: true,
      edit: true,
      export: false,
      manageContacts: false,
    });
    expect(permissions('admin')).toMatchObject({
      edit: true,
      export: true,
      manageContacts: true,
      readAudit: true,
    });
  });
});

describe('a bad policy stops start-up naming ACCESS_POLICY and the problem', () => {
  it.each([
    [{}, /groups/],
    [{ groups: {} }, /name at least one group/],
    [
      { groups: { a: { role: 'owner', profiles: '*' } } },
      /groups\.a\.role: role must be one of viewer, agent, admin/,
    ],
    [{ groups: { a: { role: 'agent', profiles: ['Clinics UK'] } } }, /groups\.a\.profiles/],
    [{ groups: { a: { role: 'agent', profiles: [] } } }, /groups\.a\.profiles/],
    [{ groups: { a: { role: 'agent', profile: '*' } } }, /groups\.a/],
    [{ groups: { a: { role: 'agent', profiles: '*' } }, extra: 1 }, /extra/],
  ])('%j', (json, message) => {
    expect(() => parsePolicy(json, '/etc/policy.json')).toThrow(
      /^ACCESS_POLICY \(\/etc\/policy\.json\) is not valid/,
    );
    expect(() => parsePolicy(json, '/etc/policy.json')).toThrow(message);
  });

  it('names an unreadable file and invalid JSON', () => {
    expect(() => loadPolicy('/nope/policy.json')).toThrow(
      /^ACCESS_POLICY: cannot read "\/nope\/policy\.json"/,
    );
    expect(() => loadPolicy('p.json', () => '{"groups":')).toThrow(
      /^ACCESS_POLICY \(p\.json\) is not valid JSON/,
    );
  });
});
