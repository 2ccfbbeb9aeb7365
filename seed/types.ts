import type { Amenity, MunicipalityName, ResourceFeature, SpaceKind } from '@landraeume/shared';

export type OrganizationKind = 'municipality' | 'provider' | 'employer' | 'club' | 'platform';

export interface SeedOrganization {
  slug: string;
  kind: OrganizationKind;
  name: string;
  street?: string;
  postcode?: string;
  municipality?: MunicipalityName;
  /** Outside the district (e.g. an employer's site in Münster) the town stands alone. */
  town?: string;
  email?: string;
  website?: string;
}

/** One weekly interval; `weekdays` uses ISO numbering (1 = Monday … 7 = Sunday). */
export interface SeedOpening {
  weekdays: number[];
  opens: string;
  closes: string;
}

export interface SeedDesk {
  name: string;
  features?: ResourceFeature[];
}

export interface SeedRoom {
  name: string;
  capacity: number;
  /** A divisible room (e.g. a triple sports hall) is booked whole or by its parts. */
  parts?: { name: string; capacity: number }[];
}

export interface SeedClosure {
  /** Offsets in days from the seed date keep the demo calendar current whenever it is seeded. */
  fromDay: number;
  toDay: number;
  reason: string;
  resourceName?: string;
}

export interface SeedSpace {
  slug: string;
  owner: string;
  kind: SpaceKind;
  name: string;
  description: string;
  street: string;
  postcode: string;
  municipality: MunicipalityName;
  /** Metres east and north of the town centre, so the map shows spaces apart. */
  offset: [number, number];
  capacity: number;
  amenities: Amenity[];
  approval: 'instant' | 'required';
  slotMinutes?: 15 | 30 | 60;
  minDurationMinutes?: number;
  maxDurationMinutes?: number;
  leadTimeMinutes?: number;
  horizonDays?: number;
  pricePerHourCents?: number;
  pricePerDayCents?: number;
  clubPricePerHourCents?: number;
  houseRules?: string;
  accessInstructions?: string;
  opening: SeedOpening[];
  desks?: SeedDesk[];
  rooms?: SeedRoom[];
  closures?: SeedClosure[];
}

export interface SeedUser {
  role: string;
  email: string;
  name: string;
  homePostcode?: string;
  memberships: { organization: string; role: 'admin' | 'member' }[];
}

export interface SeedStaff {
  email: string;
  name: string;
  homePostcode: string;
  role: 'admin' | 'member';
  /** The ISO weekdays this person works from a coworking space near home. */
  weekdays: number[];
  shareCommute?: boolean;
}

export interface SeedContract {
  /** Slug of the employer organization. */
  employer: string;
  name: string;
  workplace: { lat: number; lon: number };
  /** Slugs of covered providers and spaces. */
  providers: string[];
  spaces: string[];
  daysPerEmployee: number | null;
  pool: { unit: 'day' | 'hour'; amount: number } | null;
  price: { unit: 'day' | 'hour'; cents: number };
  /** A whole opening day, or fixed local hours for contracts billed by the hour. */
  bookedHours: 'whole_day' | { from: string; to: string };
  staff: SeedStaff[];
}
