// Build time only (the page is prerendered): the answers to its first queries from the seed.
import { EMPTY_FILTERS } from '../../lib/app/filters.ts';
import { sangongFirstQueries } from '../../lib/app/queries/sangong.ts';
import { seedFor } from '../../lib/db/seed-file.server.ts';

export const load = () => ({ seed: seedFor(sangongFirstQueries(EMPTY_FILTERS)) });
