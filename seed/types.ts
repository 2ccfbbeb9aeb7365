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
