import type { AccountRecord } from './accounts.ts';
import type { StoredContact } from './store/contacts.ts';

/** Stored row → the SDK's ContactResponse (snake_case), seen from the acting account. */
export function contactResponse(row: StoredContact, actingId: string) {
  return {
    id: row.id,
    phone_number: row.phone_number,
    format_e164: row.e164,
    format_international: row.intl,
    format_national: row.national,
    format_rfc: row.rfc,
    country_code: row.country_code,
    region_code: row.region_code,
    available_channels: channelsOf(row),
    default_channel: row.default_channel,
    opt_out: row.opt_out === 1,
    is_inherited: row.owner_id !== actingId,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Stored row → the v1 item (camelCase, fewer fields), exactly as the v1 docs show it. */
export function contactV1(row: StoredContact) {
  return {
    id: row.id,
    phoneNumber: row.phone_number,
    formatE164: row.e164,
    formatInternational: row.intl,
    formatNational: row.national,
    formatRfc: row.rfc,
    countryCode: row.country_code,
    regionCode: row.region_code,
    availableChannels: channelsOf(row),
    defaultChannel: row.default_channel,
  };
}

export function channelsOf(row: Pick<StoredContact, 'has_sms' | 'has_whatsapp'>): string {
  return [row.has_sms ? 'sms' : null, row.has_whatsapp ? 'whatsapp' : null].filter(Boolean).join(',');
}

export function paginationMeta(page: number, pageSize: number, total: number) {
  const totalPages = Math.ceil(total / pageSize);
  return {
    page,
    page_size: pageSize,
    total_count: total,
    total_pages: totalPages,
    has_more: page < totalPages,
    cursors: null,
  };
}

function settingsOf(account: AccountRecord) {
  return {
    allow_contact_sharing: account.type === 'organization',
    allow_template_sharing: false,
    billing_model: 'organization',
    inherit_contacts: account.inheritContacts,
    inherit_tcr_brand: false,
    inherit_tcr_campaign: false,
    inherit_templates: false,
  };
}

/** The SDK's ProfileDetail. */
export function profileDetail(profile: AccountRecord) {
  return {
    id: profile.id,
    name: profile.name,
    short_name: profile.shortName,
    description: profile.description,
    email: profile.email,
    icon: null,
    organization_id: profile.organizationId,
    status: profile.status ?? 'incomplete',
    ...settingsOf(profile),
    allow_number_change_during_onboarding: null,
    billing_contact: null,
    brand: null,
    sending_phone_number: null,
    sending_phone_number_profile_id: null,
    sending_whatsapp_number_profile_id: null,
    waba_id: null,
    whatsapp_phone_number: null,
    created_at: profile.createdAt,
    updated_at: null,
  };
}

/** The SDK's MeRetrieveResponse.Data for the key's own account. */
export function meResponse(account: AccountRecord, profiles: AccountRecord[]) {
  return {
    id: account.id,
    type: account.type,
    name: account.name,
    description: account.description,
    email: account.email,
    icon: null,
    created_at: account.createdAt,
    organization_id: account.type === 'profile' ? account.organizationId : null,
    short_name: account.type === 'profile' ? account.shortName : null,
    status: account.type === 'profile' ? account.status : null,
    settings: account.type === 'profile' ? settingsOf(account) : null,
    channels: {
      sms: { configured: true, phone_number: '+14155550142' },
      whatsapp: { configured: true, phone_number: '+14155550143', business_name: account.name },
      rcs: { configured: false, phone_number: null },
    },
    profiles: profiles.map((p) => ({
      id: p.id,
      name: p.name,
      short_name: p.shortName,
      description: p.description,
      icon: null,
      status: p.status,
      role: 'admin',
      created_at: p.createdAt,
      settings: settingsOf(p),
    })),
  };
}
