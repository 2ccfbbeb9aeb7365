/** TypeORM answers UPDATE/DELETE … RETURNING with [rows, count] and SELECT/INSERT with rows. */
export function rowsOf<T>(result: [T[], number] | T[]): T[] {
  return Array.isArray(result[0]) ? (result as [T[], number])[0] : (result as T[]);
}
