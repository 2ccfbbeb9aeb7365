import { ApiError } from '../../api/client';
import { CODE_MODES, type AccessMode, type Amenity, type LockAdapterName, type ManagedSpaceDetail, type SpaceUpdate } from '@landraeume/shared';

/** The editor's fields as the inputs hold them: text, keyed by the API's field names so server errors land next to them. */
export interface SpaceFormValues {
  name: string;
  kind: ManagedSpaceDetail['kind'];
  description: string;
  street: string;
  postcode: string;
  municipality: string;
  lat: string;
  lon: string;
  capacity: string;
  amenities: Amenity[];
  approval: 'instant' | 'required';
  slotMinutes: string;
  minDurationMinutes: string;
  maxDurationMinutes: string;
  leadTimeMinutes: string;
  horizonDays: string;
  cancellationDeadlineHours: string;
  pricePerHourCents: string;
  pricePerDayCents: string;
  clubPricePerHourCents: string;
  houseRules: string;
  accessInstructions: string;
  holidaysClosed: boolean;
  accessMode: AccessMode;
  keyPlace: string;
  keyPickupHoursBefore: string;
  keyReturnHoursAfter: string;
  codeLeadMinutes: string;
  /** Empty: no lock system, the codes are set by hand. */
  lockAdapter: LockAdapterName | '';
  lockUrl: string;
  /** Write-only: starts empty, and is sent only when the manager types a new one. */
  lockSecret: string;
  setupMinutes: string;
  cleanupMinutes: string;
  /** Empty: bookings are never released for not checking in. */
  noShowGraceMinutes: string;
}

/** Euros as people type them: "12,50", "12.5", "12"; an empty field means no price. */
export function centsOf(euros: string): number | null | string {
  const text = euros.trim().replace(/\s|€/g, '');
  if (!text) return null;
  if (!/^\d+([.,]\d{1,2})?$/.test(text)) return euros;
  return Math.round(Number(text.replace(',', '.')) * 100);
}

export function eurosOf(cents: number | null, locale: 'de' | 'en'): string {
  if (cents === null) return '';
  const euros = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
  return locale === 'de' ? euros.replace('.', ',') : euros;
}

export function formOf(space: ManagedSpaceDetail, locale: 'de' | 'en'): SpaceFormValues {
  return {
    name: space.name,
    kind: space.kind,
    description: space.description,
    street: space.address.street,
    postcode: space.address.postcode,
    municipality: space.municipality,
    lat: String(space.location.lat),
    lon: String(space.location.lon),
    capacity: String(space.capacity),
    amenities: space.amenities,
    approval: space.approval,
    slotMinutes: String(space.rules.slotMinutes),
    minDurationMinutes: String(space.rules.minDurationMinutes),
    maxDurationMinutes: String(space.rules.maxDurationMinutes),
    leadTimeMinutes: String(space.rules.leadTimeMinutes),
    horizonDays: String(space.rules.horizonDays),
    cancellationDeadlineHours: String(space.rules.cancellationDeadlineHours),
    pricePerHourCents: eurosOf(space.prices.perHourCents, locale),
    pricePerDayCents: eurosOf(space.prices.perDayCents, locale),
    clubPricePerHourCents: eurosOf(space.prices.clubPerHourCents, locale),
    houseRules: space.houseRules,
    accessInstructions: space.accessInstructions,
    holidaysClosed: space.holidaysClosed,
    accessMode: space.accessMode,
    keyPlace: space.keyPlace,
    keyPickupHoursBefore: String(space.keyPickupHoursBefore),
    keyReturnHoursAfter: String(space.keyReturnHoursAfter),
    codeLeadMinutes: String(space.codeLeadMinutes),
    lockAdapter: space.lockAdapter ?? '',
    lockUrl: space.lockUrl ?? '',
    lockSecret: '',
    setupMinutes: String(space.setupMinutes),
    cleanupMinutes: String(space.cleanupMinutes),
    noShowGraceMinutes: space.rules.noShowGraceMinutes === null ? '' : String(space.rules.noShowGraceMinutes),
  };
}

/*
 * A number that does not parse is sent as the text typed, not dropped: the server then names the
 * field in its answer, in the reader's language, and the editor shows that next to the input.
 */
const numberOf = (text: string): number | string => {
  const normalized = text.trim().replace(',', '.');
  return normalized !== '' && Number.isFinite(Number(normalized)) ? Number(normalized) : text;
};

/** An empty buffer is no buffer. */
const minutesOf = (text: string): number | string => (text.trim() === '' ? 0 : numberOf(text));
/** An empty grace period switches the release of unchecked bookings off. */
const optionalNumberOf = (text: string): number | string | null => (text.trim() === '' ? null : numberOf(text));

/** Which access settings the chosen mode uses; the form shows and sends only these. */
export const shownAccessFields = (form: Pick<SpaceFormValues, 'accessMode' | 'lockAdapter'>) => ({
  key: form.accessMode === 'key_handover',
  code: CODE_MODES.includes(form.accessMode),
  lock: form.accessMode === 'smart_lock',
  lockConnection: form.accessMode === 'smart_lock' && form.lockAdapter !== '',
});

/*
 * Settings of the other access modes are left as stored: they are hidden, so a leftover value
 * there must not block saving, and switching back finds them as they were.
 */
function accessOf(form: SpaceFormValues): Partial<Record<keyof SpaceUpdate, unknown>> {
  const shown = shownAccessFields(form);
  return {
    accessMode: form.accessMode,
    ...(shown.key && { keyPlace: form.keyPlace, keyPickupHoursBefore: numberOf(form.keyPickupHoursBefore), keyReturnHoursAfter: numberOf(form.keyReturnHoursAfter) }),
    ...(shown.code && { codeLeadMinutes: numberOf(form.codeLeadMinutes) }),
    ...(shown.lock && { lockAdapter: form.lockAdapter || null }),
    ...(shown.lockConnection && { lockUrl: form.lockUrl.trim() || null }),
    ...(shown.lockConnection && form.lockSecret !== '' && { lockSecret: form.lockSecret }),
  };
}

/** The PATCH body: every shown field, so that what the form shows is what gets stored. */
export function updateOf(form: SpaceFormValues): SpaceUpdate {
  return {
    name: form.name,
    kind: form.kind,
    description: form.description,
    street: form.street,
    postcode: form.postcode.trim(),
    municipality: form.municipality as SpaceUpdate['municipality'],
    lat: numberOf(form.lat),
    lon: numberOf(form.lon),
    capacity: numberOf(form.capacity),
    amenities: form.amenities,
    approval: form.approval,
    slotMinutes: numberOf(form.slotMinutes),
    minDurationMinutes: numberOf(form.minDurationMinutes),
    maxDurationMinutes: numberOf(form.maxDurationMinutes),
    leadTimeMinutes: numberOf(form.leadTimeMinutes),
    horizonDays: numberOf(form.horizonDays),
    cancellationDeadlineHours: numberOf(form.cancellationDeadlineHours),
    pricePerHourCents: centsOf(form.pricePerHourCents),
    pricePerDayCents: centsOf(form.pricePerDayCents),
    clubPricePerHourCents: centsOf(form.clubPricePerHourCents),
    houseRules: form.houseRules,
    accessInstructions: form.accessInstructions,
    holidaysClosed: form.holidaysClosed,
    ...accessOf(form),
    setupMinutes: minutesOf(form.setupMinutes),
    cleanupMinutes: minutesOf(form.cleanupMinutes),
    noShowGraceMinutes: optionalNumberOf(form.noShowGraceMinutes),
  } as SpaceUpdate;
}

/** A lock system without its address or secret is refused as a whole (422); its answer names what is missing, to show at those fields. */
export const missingLockFields = (error: unknown): ('lockUrl' | 'lockSecret')[] =>
  error instanceof ApiError && error.code === 'rule_violation'
    ? ((error.details as { missing?: string[] } | undefined)?.missing ?? []).filter((key): key is 'lockUrl' | 'lockSecret' => key === 'lockUrl' || key === 'lockSecret')
    : [];
