import type { Booking } from '@landraeume/shared';
import { describe, expect, it } from 'vitest';
import { bookingEvents, weekWindow } from './space-bookings';

const booking = (over: Partial<Booking>): Booking =>
  ({
    id: 'b1',
    status: 'confirmed',
    resource: { id: 'r1', name: 'Saal', kind: 'room' },
    start: '2026-03-29T09:00:00+02:00',
    end: '2026-03-29T11:00:00+02:00',
    purpose: 'Chorprobe',
    booker: { id: 'u1', name: 'Vera Vorsitz', email: 'v@example.org' },
    ...over,
  }) as Booking;

describe('provider calendar entries', () => {
  it('shows requests and confirmed bookings with booker, room and purpose, and leaves out the rest', () => {
    const events = bookingEvents(
      [booking({}), booking({ id: 'b2', status: 'pending', purpose: '' }), booking({ id: 'b3', status: 'rejected' }), booking({ id: 'b4', status: 'cancelled' }), booking({ id: 'b5', booker: null })],
      { pending: 'Anfrage', anonymous: 'Gelöschtes Konto' },
    );
    expect(events.map((e) => [e.booking.id, e.title])).toEqual([
      ['b1', 'Vera Vorsitz · Saal · Chorprobe'],
      ['b2', 'Anfrage · Vera Vorsitz · Saal'],
      ['b5', 'Gelöschtes Konto · Saal · Chorprobe'],
    ]);
    // The day clocks change: 09:00 summer time is 07:00 UTC.
    expect(events[0]!.start.toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('asks for the whole local week, Monday to Monday, across the change of the clocks', () => {
    expect(weekWindow(new Date('2026-03-28T12:00:00Z'), 'Europe/Berlin')).toEqual({ from: '2026-03-23T00:00:00.000+01:00', to: '2026-03-30T00:00:00.000+02:00' });
  });
});
