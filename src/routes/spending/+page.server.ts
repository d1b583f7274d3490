// Build time only (the page is prerendered): the answers to its first queries from the seed.
import { EMPTY_FILTERS } from '../../lib/app/filters.ts';
import { spendingFirstQueries } from '../../lib/app/queries/spending.ts';
import { seedFor } from '../../lib/db/seed-file.server.ts';

export const load = () => ({ seed: seedFor(spendingFirstQueries(EMPTY_FILTERS)) });
