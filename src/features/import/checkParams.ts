// The check's view in the address (?show=problems&page_size=50&page=3), defined like every list's
// (url-state/defineParams); the import's own `profile` stays beside it.
import { defineParams, param } from '../../url-state/defineParams';
import { useUrlParams } from '../../url-state/useListParams';
import { CHECK_FILTERS } from './checkFilters';

export const CHECK_PAGE_SIZES = [25, 50, 100] as const;

const checkParams = defineParams(
  {
    show: param.oneOf(
      CHECK_FILTERS.map((f) => f.value),
      'all',
    ),
    page_size: param.pageSize(CHECK_PAGE_SIZES, 25),
    page: param.page(),
  },
  { resetsPage: ['show', 'page_size'] },
);

export function useCheckParams() {
  return useUrlParams(checkParams, { keepOthers: true });
}
