// Build time only (the page is prerendered): the answers to its first queries from the seed.
import { EMPTY_FILTERS } from '../../lib/app/filters.ts';
import { findingCountsFirstQueries } from '../../lib/app/queries/findings.ts';
import { seedFor } from '../../lib/db/seed-file.server.ts';

export const load = () => ({ seed: seedFor((get) => findingCountsFirstQueries(get, EMPTY_FILTERS)) });
