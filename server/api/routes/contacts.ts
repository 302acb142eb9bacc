import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { MAX_SEARCH } from '../../../src/shared/contract.ts';
import type { AppEnv, Scope } from '../app-env.ts';
import type { ContactsStore, StoredContact } from '../contacts-store.ts';
import { ok } from '../envelope.ts';
import { ApiFailure } from '../errors.ts';
import { isoTimestamp, phoneColumns } from '../generator.ts';
import { formatsOf, normalizeToE164, parseValid } from '../phone.ts';
import { channelsOf, contactResponse, paginationMeta } from '../present.ts';
import { optionalBoolean, readJsonObject } from '../request-body.ts';
import { assertRange, parseChannel, requiredInt, requireUuid } from '../validation.ts';

export function contactsRoutes(store: ContactsStore): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/', (c) => {
    const scope = c.get('scope');
    const q = c.req.query();
    const page = requiredInt(q.page, 'page');
    const pageSize = requiredInt(q.page_size, 'page_size');
    assertRange(page, 1, Number.MAX_SAFE_INTEGER, 'Page must be greater than 0', 'page');
    assertRange(pageSize, 1, 1000, 'Page size must be between 1 and 1000', 'page_size');
    const channel = parseChannel(q.channel);
    const present = (rows: StoredContact[]) => rows.map((row) => contactResponse(row, scope.acting.id));

    if (q.phone?.trim()) {
      const contact = store.findByE164(scope.ownerIds, toE164(q.phone));
      if (!contact) throw new ApiFailure('RESOURCE_001', 'Contact not found with the specified phone number');
      return ok(c, {
        contacts: page === 1 ? present([contact]) : [],
        pagination: paginationMeta(page, pageSize, 1),
      });
    }

    const search = q.search?.trim();
    if (search && search.length > MAX_SEARCH) {
      throw new ApiFailure('VALIDATION_001', 'Request validation failed', {
        search: [`Must be at most ${MAX_SEARCH} characters.`],
      });
    }
    const filter = {
      ownerIds: scope.ownerIds,
      channel,
      searchDigits: search ? search.replace(/\D/g, '') : undefined,
    };
    const total = store.count(filter);
    const rows =
      (page - 1) * pageSize < total ? store.list(filter, pageSize, (page - 1) * pageSize, total) : [];
    return ok(c, { contacts: present(rows), pagination: paginationMeta(page, pageSize, total) });
  });

  routes.get('/:id', (c) => {
    const scope = c.get('scope');
    return ok(c, contactResponse(findOrFail(store, scope, c.req.param('id')), scope.acting.id));
  });

  routes.patch('/:id', async (c) => {
    const scope = c.get('scope');
    const contact = findOrFail(store, scope, c.req.param('id'));
    const body = await readJsonObject(c);
    assertOwned(contact, scope, 'updated');
    const optOut = optionalBoolean(body, 'opt_out');
    const defaultChannel =
      body.default_channel == null ? undefined : parseChannel(String(body.default_channel));
    if (defaultChannel && !channelsOf(contact).split(',').includes(defaultChannel)) {
      throw new ApiFailure('VALIDATION_001', 'Request validation failed', {
        default_channel: [`The contact is not reachable on ${defaultChannel}.`],
      });
    }
    const updated: StoredContact = {
      ...contact,
      default_channel: defaultChannel ?? contact.default_channel,
      opt_out: optOut === undefined ? contact.opt_out : optOut ? 1 : 0,
      updated_at: isoTimestamp(Date.now()),
    };
    if (optionalBoolean(body, 'sandbox') !== true) store.update(contact.rid, updated);
    return ok(c, contactResponse(updated, scope.acting.id));
  });

  routes.post('/', async (c) => {
    const scope = c.get('scope');
    const body = await readJsonObject(c);
    if (typeof body.phone_number !== 'string' || body.phone_number.trim() === '') {
      throw new ApiFailure('VALIDATION_004', 'The phone_number field is required.', {
        phone_number: ['The field is required.'],
      });
    }
    const phone = parseValid(toE164(body.phone_number, 'phone_number'));
    if (!phone) throw invalidPhone('phone_number');
    if (store.findByE164([scope.acting.id], phone.number)) {
      throw new ApiFailure('RESOURCE_007', 'A contact with this phone number already exists.');
    }
    const formats = formatsOf(phone);
    const row = {
      id: randomUUID(),
      owner_id: scope.acting.id,
      phone_number: body.phone_number.trim(),
      ...phoneColumns(formats),
      has_sms: 1 as const,
      has_whatsapp: 0 as const,
      default_channel: 'sms',
      opt_out: 0 as const,
      created_at: isoTimestamp(Date.now()),
      updated_at: null,
    };
    if (optionalBoolean(body, 'sandbox') !== true) store.insert(row);
    return ok(c, contactResponse({ ...row, rid: 0 }, scope.acting.id), 201);
  });

  routes.delete('/:id', async (c) => {
    const scope = c.get('scope');
    const contact = findOrFail(store, scope, c.req.param('id'));
    const body = await readJsonObject(c);
    assertOwned(contact, scope, 'deleted');
    if (optionalBoolean(body, 'sandbox') !== true) store.delete(contact.rid);
    return c.body(null, 204);
  });

  return routes;
}

function findOrFail(store: ContactsStore, scope: Scope, id: string): StoredContact {
  const contact = store.findById(scope.ownerIds, requireUuid(id));
  if (!contact) throw new ApiFailure('RESOURCE_001', 'Contact not found');
  return contact;
}

function assertOwned(contact: StoredContact, scope: Scope, verb: 'updated' | 'deleted'): void {
  if (contact.owner_id !== scope.acting.id) {
    throw new ApiFailure('VALIDATION_001', `This contact is read-only and cannot be ${verb}.`, {
      id: ['Inherited contacts belong to the organization and are read-only in its profiles.'],
    });
  }
}

function invalidPhone(field = 'phone'): ApiFailure {
  return new ApiFailure('VALIDATION_002', 'Phone number must be a valid phone number in E.164 format.', {
    [field]: ['Use the international format with country code, e.g. +14155550100.'],
  });
}

function toE164(raw: string, field = 'phone'): string {
  const e164 = normalizeToE164(raw);
  if (!e164) throw invalidPhone(field);
  return e164;
}
