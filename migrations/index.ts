import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Accounts1764000001000 } from './1764000001000-Accounts';

/** Every migration, oldest first. TypeORM runs the ones the database has not seen yet. */
export const migrations = [Foundation1764000000000, Accounts1764000001000];
