import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv, Scope } from '../app-env.ts';
import { ok } from '../envelope.ts';
import { ApiFailure } from '../errors.ts';
import { isoTimestamp, phoneColumns } from '../generator.ts';
import { formatsOf, parseValid } from '../phone.ts';
import { channelsOf, contactResponse, paginationMeta } from '../present.ts';
import {
  CreateContactBody,
  DeleteContactBody,
  IdParam,
  ListContactsQuery,
  UpdateContactBody,
} from '../schemas.ts';
import type { ContactsStore, StoredContact } from '../store/contacts.ts';
import { validated, validBody } from '../validation.ts';
import { invalidPhone, toE164 } from './phone-input.ts';

export function contactsRoutes(store: ContactsStore): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/', validated('query', ListContactsQuery), (c) => {
    const scope = c.get('scope');
    const { page, page_size: pageSize, channel, search, phone } = c.req.valid('query');
    const present = (rows: StoredContact[]) => rows.map((row) => contactResponse(row, scope.acting.id));

    if (phone?.trim()) {
      const contact = store.findByE164(scope.ownerIds, toE164(phone));
      if (!contact) throw new ApiFailure('RESOURCE_001', 'Contact not found with the specified phone number');
      return ok(c, {
        contacts: page === 1 ? present([contact]) : [],
        pagination: paginationMeta(page, pageSize, 1),
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

  routes.get('/:id', validated('param', IdParam), (c) => {
    const scope = c.get('scope');
    return ok(c, contactResponse(findOrFail(store, scope, c.req.valid('param').id), scope.acting.id));
  });

  routes.patch('/:id', validated('param', IdParam), async (c) => {
    const scope = c.get('scope');
    const contact = findOrFail(store, scope, c.req.valid('param').id);
    const {
      opt_out: optOut,
      default_channel: defaultChannel,
      sandbox,
    } = await validBody(c, UpdateContactBody);
    assertOwned(contact, scope, 'updated');
    if (defaultChannel && !channelsOf(contact).split(',').includes(defaultChannel)) {
      throw new ApiFailure('VALIDATION_001', 'Request validation failed', {
        default_channel: [`The contact is not reachable on ${defaultChannel}.`],
      });
    }
    const updated: StoredContact = {
      ...contact,
      default_channel: defaultChannel ?? contact.default_channel,
      opt_out: optOut == null ? contact.opt_out : optOut ? 1 : 0,
      updated_at: isoTimestamp(Date.now()),
    };
    if (sandbox !== true) store.update(contact.rid, updated);
    return ok(c, contactResponse(updated, scope.acting.id));
  });

  routes.post('/', async (c) => {
    const scope = c.get('scope');
    const body = await validBody(c, CreateContactBody);
    const phone = parseValid(toE164(body.phone_number, 'phone_number'));
    if (!phone) throw invalidPhone('phone_number');
    // Already visible here (its own, or inherited from the organization): a second one would shadow it.
    if (store.findByE164(scope.ownerIds, phone.number)) {
      throw new ApiFailure('RESOURCE_007', 'A contact with this phone number already exists.');
    }
    const formats = formatsOf(phone);
    const row = {
      id: randomUUID(),
      owner_id: scope.acting.id,
      phone_number: body.phone_number,
      ...phoneColumns(formats),
      has_sms: 1 as const,
      has_whatsapp: 0 as const,
      default_channel: 'sms',
      opt_out: 0 as const,
      created_at: isoTimestamp(Date.now()),
      updated_at: null,
    };
    if (body.sandbox !== true) store.insert(row);
    return ok(c, contactResponse({ ...row, rid: 0 }, scope.acting.id), 201);
  });

  routes.delete('/:id', validated('param', IdParam), async (c) => {
    const scope = c.get('scope');
    const contact = findOrFail(store, scope, c.req.valid('param').id);
    const { sandbox } = await validBody(c, DeleteContactBody);
    assertOwned(contact, scope, 'deleted');
    if (sandbox !== true) store.delete(contact.rid);
    return c.body(null, 204);
  });

  return routes;
}

function findOrFail(store: ContactsStore, scope: Scope, id: string): StoredContact {
  const contact = store.findById(scope.ownerIds, id);
  if (!contact) throw new ApiFailure('RESOURCE_001', 'Contact not found');
  return contact;
}

/**
 * Inherited contacts are read-only ("cannot be updated", "cannot be deleted", says the SDK). Sent's catalog has
 * no code of its own for that; VALIDATION_001 with the reason in `details` is the closest (AUTH_004 is
 * documented as the caller's role lacking a permission, which is not what is wrong here).
 */
function assertOwned(contact: StoredContact, scope: Scope, verb: 'updated' | 'deleted'): void {
  if (contact.owner_id !== scope.acting.id) {
    throw new ApiFailure('VALIDATION_001', `This contact is read-only and cannot be ${verb}.`, {
      id: [
        verb === 'deleted'
          ? 'Inherited contacts belong to the organization: only the organization can remove them.'
          : 'Inherited contacts belong to the organization and are read-only in its profiles.',
      ],
    });
  }
}
