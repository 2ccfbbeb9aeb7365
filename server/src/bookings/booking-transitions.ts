import type { BookingStatus } from '@landraeume/shared';

export type BookingAction = 'approve' | 'reject' | 'cancel' | 'expire' | 'release_no_show' | 'accept_offer' | 'lapse_offer';

/** The booking state machine: which action may move a booking from which state, and where to. */
const TRANSITIONS: Record<BookingAction, { from: readonly BookingStatus[]; to: BookingStatus }> = {
  approve: { from: ['pending'], to: 'confirmed' },
  reject: { from: ['pending'], to: 'rejected' },
  expire: { from: ['pending'], to: 'expired' },
  cancel: { from: ['pending', 'confirmed'], to: 'cancelled' },
  // Nobody checked in within the grace period: the slot goes back to everyone.
  release_no_show: { from: ['confirmed'], to: 'no_show' },
  // A waitlist offer becomes the booking (a request instead where the space wants approval).
  accept_offer: { from: ['held'], to: 'confirmed' },
  // An offer not taken up in time, or given back, ends like an unanswered request.
  lapse_offer: { from: ['held'], to: 'expired' },
};

export function nextStatus(current: BookingStatus, action: BookingAction): BookingStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : undefined;
}

/** Pending, confirmed and held (a waitlist offer) bookings hold their slot. */
export const holdsSlot = (status: BookingStatus) => status === 'pending' || status === 'confirmed' || status === 'held';
