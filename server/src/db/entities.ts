import type { EntitySchema } from 'typeorm';

/** Every entity schema of every domain, registered with the data source. */
export const entities: EntitySchema[] = [];
