import { describe, expect, it } from 'vitest';
import { prepare, preparedFor } from './prepared';

describe('prepared statements', () => {
  it('refuses a name given twice, which node-postgres would refuse only on a connection that used both', () => {
    prepare('prepared-test-once', 'SELECT 1');
    expect(() => prepare('prepared-test-once', 'SELECT 2')).toThrow(/defined twice/);
  });

  it('names built SQL by its text: the same text the same name, another text another', () => {
    const first = preparedFor('prepared-test', 'SELECT $1::int');
    expect(preparedFor('prepared-test', 'SELECT $1::int')).toBe(first);
    const other = preparedFor('prepared-test', 'SELECT $1::text');
    expect(other.name).not.toBe(first.name);
    expect(other.text).toBe('SELECT $1::text');
  });
});
