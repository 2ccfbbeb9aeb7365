import { BOOKING_STATUSES, type BookingStatus } from '@landraeume/shared';
import { describe, expect, it } from 'vitest';
import { holdsSlot, nextStatus, type BookingAction } from './booking-transitions';

const ALLOWED: Record<string, BookingStatus> = {
  'pending approve': 'confirmed',
  'pending reject': 'rejected',
  'pending expire': 'expired',
  'pending cancel': 'cancelled',
  'confirmed cancel': 'cancelled',
  'confirmed release_no_show': 'no_show',
  'held accept_offer': 'confirmed',
  'held lapse_offer': 'expired',
};
const ACTIONS: BookingAction[] = ['approve', 'reject', 'cancel', 'expire', 'release_no_show', 'accept_offer', 'lapse_offer'];

describe('the booking state machine', () => {
  for (const status of BOOKING_STATUSES) {
    for (const action of ACTIONS) {
      const expected = ALLOWED[`${status} ${action}`];
      it(`${action} on a ${status} booking ${expected ? `→ ${expected}` : 'is refused'}`, () => {
        expect(nextStatus(status, action)).toBe(expected);
      });
    }
  }

  it('lets only pending, confirmed and held bookings hold their slot', () => {
    expect(BOOKING_STATUSES.filter(holdsSlot)).toEqual(['pending', 'confirmed', 'held']);
  });
});
