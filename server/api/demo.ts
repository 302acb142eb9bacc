import type { AccountRecord } from './accounts.ts';
import type { OwnerSpec, RegionMix } from './generator.ts';

/** A demo account: the stored record plus what the generator needs to make its contacts. */
export interface Account extends AccountRecord {
  /** Contacts this account owns, as a share of the configured per-profile count. */
  contactShare: number;
  regions: RegionMix;
}

const id = (n: number) => `7a3d2c10-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const DEMO_IDS = {
  organization: id(1),
  clinicsUk: id(11),
  pharmacyUs: id(12),
  labsDe: id(13),
  ventures: id(14),
  user: id(21),
  otherOrganization: id(30),
  otherProfile: id(31),
} as const;

const base = {
  email: null,
  description: null,
  status: null,
  shortName: null,
  organizationId: null,
  inheritContacts: false,
};

export const DEMO_ACCOUNTS: readonly Account[] = [
  {
    ...base,
    id: DEMO_IDS.organization,
    type: 'organization',
    name: 'Northwind Health',
    description: 'Clinics, pharmacies and labs across three continents',
    email: 'ops@northwind-health.example',
    createdAt: '2024-09-02T09:15:00+00:00',
    contactShare: 0.5,
    regions: [
      ['US', 35],
      ['GB', 15],
      ['CA', 10],
      ['DE', 8],
      ['FR', 6],
      ['ES', 5],
      ['IT', 5],
      ['NL', 4],
      ['BR', 4],
      ['MX', 4],
      ['IN', 4],
    ],
  },
  {
    ...base,
    id: DEMO_IDS.clinicsUk,
    type: 'profile',
    name: 'Northwind Clinics UK',
    shortName: 'NWUK',
    organizationId: DEMO_IDS.organization,
    status: 'approved',
    email: 'uk@northwind-health.example',
    createdAt: '2024-10-01T08:00:00+00:00',
    contactShare: 1,
    regions: [
      ['GB', 60],
      ['IE', 10],
      ['IN', 10],
      ['FR', 5],
      ['DE', 5],
      ['ES', 5],
      ['NL', 5],
    ],
  },
  {
    ...base,
    id: DEMO_IDS.pharmacyUs,
    type: 'profile',
    name: 'Northwind Pharmacy US',
    shortName: 'NWRX',
    organizationId: DEMO_IDS.organization,
    status: 'approved',
    inheritContacts: true,
    email: 'rx@northwind-health.example',
    createdAt: '2024-11-12T15:30:00+00:00',
    contactShare: 0.6,
    regions: [
      ['US', 60],
      ['CA', 15],
      ['MX', 15],
      ['BR', 10],
    ],
  },
  {
    ...base,
    id: DEMO_IDS.labsDe,
    type: 'profile',
    name: 'Northwind Labs DE',
    shortName: 'NWLB',
    organizationId: DEMO_IDS.organization,
    status: 'pending_review',
    email: 'labs@northwind-health.example',
    createdAt: '2025-02-20T10:45:00+00:00',
    contactShare: 0.8,
    regions: [
      ['DE', 50],
      ['NL', 10],
      ['FR', 10],
      ['IT', 10],
      ['ES', 10],
      ['SE', 10],
    ],
  },
  {
    ...base,
    id: DEMO_IDS.ventures,
    type: 'profile',
    name: 'Northwind Ventures',
    shortName: 'NWVC',
    organizationId: DEMO_IDS.organization,
    status: 'incomplete',
    createdAt: '2026-10-28T12:00:00+00:00',
    contactShare: 0,
    regions: [['US', 1]],
  },
  {
    ...base,
    id: DEMO_IDS.user,
    type: 'user',
    name: 'Jordan Avery',
    email: 'jordan@avery.example',
    createdAt: '2025-05-05T07:20:00+00:00',
    contactShare: 0.3,
    regions: [
      ['AU', 30],
      ['SG', 20],
      ['JP', 20],
      ['IN', 15],
      ['ZA', 15],
    ],
  },
  {
    ...base,
    id: DEMO_IDS.otherOrganization,
    type: 'organization',
    name: 'Globex',
    createdAt: '2025-01-10T11:00:00+00:00',
    contactShare: 0.2,
    regions: [
      ['US', 50],
      ['GB', 30],
      ['NG', 20],
    ],
  },
  {
    ...base,
    id: DEMO_IDS.otherProfile,
    type: 'profile',
    name: 'Globex Africa',
    shortName: 'GXAF',
    organizationId: DEMO_IDS.otherOrganization,
    status: 'approved',
    createdAt: '2025-03-03T09:00:00+00:00',
    contactShare: 0.2,
    regions: [
      ['NG', 60],
      ['ZA', 40],
    ],
  },
];

/** Demo keys, documented in the README. Test keys only: they unlock nothing outside this embedded API. */
export const DEMO_KEYS: Readonly<Record<string, string>> = {
  sk_test_org_demo: DEMO_IDS.organization,
  sk_test_profile_demo: DEMO_IDS.clinicsUk,
  sk_test_user_demo: DEMO_IDS.user,
  sk_test_org_other: DEMO_IDS.otherOrganization,
};

export function ownerSpecs(contactsPerProfile: number): OwnerSpec[] {
  return DEMO_ACCOUNTS.map((account, index) => ({
    id: account.id,
    salt: index + 1,
    count: Math.round(account.contactShare * contactsPerProfile),
    regions: account.regions,
  })).filter((spec) => spec.count > 0);
}
