/**
 * The longest a claim may last (a CHECK on booking_claims, migration 16000): a booking of at
 * most 14 days plus set-up and clean-up buffers of at most a day each, and a day to spare.
 * Readers of a window's claims rely on it to look back no further than this before the window.
 */
export const CLAIM_SPAN_LIMIT = '17 days';
