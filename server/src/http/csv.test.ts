import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas in text', () => {
    const csv = toCsv([{ header: 'name', value: (r: { name: string; n: number }) => r.name }, { header: 'n', value: (r) => r.n }], [
      { name: 'Saal "Alte Post", Olfen', n: 1.5 },
      { name: '=HYPERLINK("x")', n: -2 },
    ]);
    expect(csv).toBe('name,n\r\n"Saal ""Alte Post"", Olfen",1.5\r\n"\'=HYPERLINK(""x"")",-2\r\n');
  });
});
