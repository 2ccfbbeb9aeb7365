import { z } from 'zod';

/**
 * Every error code the API can answer with, and its HTTP status. This is the single place that
 * maps domain errors to HTTP; codes are part of the API contract, so never rename one.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  malformed_json: 400,
  invalid_token: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_site_request: 403,
  not_found: 404,
  method_not_allowed: 405,
  booking_conflict: 409,
  conflict: 409,
  email_taken: 409,
  last_admin: 409,
  survey_already_answered: 409,
  survey_closed: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  headers_too_large: 431,
  unsupported_media_type: 415,
  rule_violation: 422,
  outside_opening_hours: 422,
  space_closed: 422,
  off_slot_grid: 422,
  duration_too_short: 422,
  duration_too_long: 422,
  in_the_past: 422,
  lead_time_not_met: 422,
  beyond_horizon: 422,
  capacity_exceeded: 422,
  resource_unavailable: 422,
  not_a_member: 422,
  cancellation_deadline_passed: 422,
  quota_exceeded: 422,
  contract_not_applicable: 422,
  invalid_transition: 409,
  key_already_out: 409,
  key_not_out: 409,
  key_already_returned: 409,
  no_key_handover: 422,
  check_in_not_open: 422,
  waitlist_slot_free: 409,
  idempotency_key_reused: 422,
  invitation_mismatch: 422,
  webhook_url_refused: 422,
  provider_not_admitted: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
