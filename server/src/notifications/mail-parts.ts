import type { Locale } from '@landraeume/shared';
import type { Queryable } from '../db/queryable';
import type { IcsBooking } from './booking-ics';

/** Where and with whom: the columns every booking or series mail selects about its space and booker. */
export interface PlaceColumns {
  street: string;
  postcode: string;
  town: string;
  lat: number;
  lon: number;
  provider_name: string;
  provider_email: string | null;
  booker_name: string | null;
  booker_locale: Locale;
}

export const addressOf = (row: PlaceColumns) => `${row.street}, ${row.postcode} ${row.town}`;

/** The calendar event's place and people; a provider without an address writes from ours. */
export function icsPlaceAndPeople(row: PlaceColumns, bookerEmail: string, fromAddress: string): Pick<IcsBooking, 'location' | 'organizer' | 'attendee'> {
  return {
    location: { address: addressOf(row), lat: row.lat, lon: row.lon },
    organizer: { name: row.provider_name, email: row.provider_email ?? fromAddress },
    attendee: { name: row.booker_name ?? '', email: bookerEmail },
  };
}

export const greeting = (locale: Locale, name: string | null) => `${locale === 'de' ? 'Hallo' : 'Hello'} ${name ?? ''},`;

export const myBookingsLink = (publicUrl: string, locale: Locale) => ({ url: `${publicUrl}/buchungen`, label: locale === 'de' ? 'Meine Buchungen' : 'My bookings' });

export interface Recipient {
  email: string;
  display_name: string;
  locale: Locale;
}

/** An organization's admins, each written to in their own language. */
export async function adminsOf(db: Queryable, organizationId: string): Promise<Recipient[]> {
  return (await db.query(
    `SELECT u.email, u.display_name, u.locale FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND m.role = 'admin' AND u.deleted_at IS NULL`,
    [organizationId],
  )) as Recipient[];
}
