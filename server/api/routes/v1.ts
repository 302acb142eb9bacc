import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { ContactsStore } from '../contacts-store.ts';
import { contactV1 } from '../present.ts';
import { assertRange, optionalInt } from '../validation.ts';

/** Legacy v1: 0-indexed pages, camelCase items, a bare body without the envelope. */
export function v1Routes(store: ContactsStore): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/contacts', (c) => {
    const { ownerIds } = c.get('scope');
    const page = optionalInt(c.req.query('page'), 'page', 0);
    const pageSize = optionalInt(c.req.query('pageSize'), 'pageSize', 20);
    assertRange(page, 0, Number.MAX_SAFE_INTEGER, 'Page must be 0 or greater', 'page');
    assertRange(pageSize, 1, 1000, 'Page size must be between 1 and 1000', 'pageSize');
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
