import type { BookingStatus } from '@landraeume/shared';

export type BookingAction = 'approve' | 'reject' | 'cancel' | 'expire';

/** The booking state machine: which action may move a booking from which state, and where to. */
const TRANSITIONS: Record<BookingAction, { from: readonly BookingStatus[]; to: BookingStatus }> = {
  approve: { from: ['pending'], to: 'confirmed' },
  reject: { from: ['pending'], to: 'rejected' },
  expire: { from: ['pending'], to: 'expired' },
  cancel: { from: ['pending', 'confirmed'], to: 'cancelled' },
};

export function nextStatus(current: BookingStatus, action: BookingAction): BookingStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : undefined;
}

/** Only pending and confirmed bookings hold their slot. */
export const holdsSlot = (status: BookingStatus) => status === 'pending' || status === 'confirmed';
