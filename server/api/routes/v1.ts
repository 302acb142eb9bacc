import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { contactV1 } from '../present.ts';
import { ListContactsV1Query } from '../schemas.ts';
import type { ContactsStore } from '../store/contacts.ts';
import { validated } from '../validation.ts';

/** Legacy v1: 0-indexed pages, camelCase items, a bare body without the envelope. */
export function v1Routes(store: ContactsStore): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/contacts', validated('query', ListContactsV1Query), (c) => {
    const { ownerIds } = c.get('scope');
    const { page, pageSize } = c.req.valid('query');
    const filter = { ownerIds };
    const totalCount = store.count(filter);
    const items =
      page * pageSize < totalCount ? store.list(filter, pageSize, page * pageSize, totalCount) : [];
    return c.json({
      items: items.map(contactV1),
      totalCount,
      page,
      pageSize,
      totalPages: Math.ceil(totalCount / pageSize),
    });
  });
  return routes;
}
