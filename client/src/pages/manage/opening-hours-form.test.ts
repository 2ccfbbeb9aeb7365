import { describe, expect, it } from 'vitest';
import { fromWeek, toWeek, weekProblems } from './opening-hours-form';

describe('opening hours form', () => {
  it('turns the API list into seven sorted days and back into the same list', () => {
    const api = [
      { weekday: 1, opens: '14:00', closes: '22:00' },
      { weekday: 6, opens: '18:00', closes: '24:00' },
      { weekday: 1, opens: '09:00', closes: '12:30' },
    ];
    const week = toWeek(api);
    expect(week.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week[0]!.rows).toEqual([{ opens: '09:00', closes: '12:30' }, { opens: '14:00', closes: '22:00' }]);
    expect(week[5]!.rows).toEqual([{ opens: '18:00', closes: '00:00' }]);
    expect(week[1]!.rows).toEqual([]);
    expect(fromWeek(week).intervals).toEqual([
      { weekday: 1, opens: '09:00', closes: '12:30' },
      { weekday: 1, opens: '14:00', closes: '22:00' },
      { weekday: 6, opens: '18:00', closes: '24:00' },
    ]);
  });

  it('drops rows left empty', () => {
    expect(fromWeek([{ weekday: 3, rows: [{ opens: '', closes: '' }, { opens: '08:00', closes: '12:00' }] }]).intervals).toEqual([{ weekday: 3, opens: '08:00', closes: '12:00' }]);
  });

  it('names what the server would refuse, per row', () => {
    const problems = weekProblems([
      { weekday: 1, rows: [{ opens: '09:00', closes: '12:00' }, { opens: '11:00', closes: '13:00' }, { opens: '12:00', closes: '14:00' }] },
      { weekday: 2, rows: [{ opens: '10:00', closes: '09:00' }, { opens: '08:00', closes: '' }, { opens: '', closes: '' }] },
      { weekday: 3, rows: [{ opens: '09:00', closes: '12:00' }, { opens: '12:00', closes: '00:00' }] },
    ]);
    expect(problems).toEqual({ '1.1': 'overlap', '1.2': 'overlap', '2.0': 'order', '2.1': 'incomplete' });
  });
});
