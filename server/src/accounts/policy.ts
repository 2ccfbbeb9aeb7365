import type { Actor } from './actor';

/*
 * Who may do what. Every permission in the system is a function here, derived from memberships
 * (a platform admin is an admin of the `platform` organization). Routes and services call these;
 * nothing else decides.
 */

export function isPlatformAdmin(actor: Actor | undefined): boolean {
  return !!actor?.memberships.some((m) => m.organizationKind === 'platform' && m.role === 'admin');
}

export function isMemberOf(actor: Actor | undefined, organizationId: string): boolean {
  return !!actor?.memberships.some((m) => m.organizationId === organizationId);
}

export function isAdminOf(actor: Actor | undefined, organizationId: string): boolean {
  return !!actor?.memberships.some((m) => m.organizationId === organizationId && m.role === 'admin');
}

export function canCreateOrganization(actor: Actor | undefined): boolean {
  return isPlatformAdmin(actor);
}

export function canListAllOrganizations(actor: Actor | undefined): boolean {
  return isPlatformAdmin(actor);
}

/** Members see their organization; outsiders must not even learn that it has this id. */
export function canSeeOrganization(actor: Actor | undefined, organizationId: string): boolean {
  return isPlatformAdmin(actor) || isMemberOf(actor, organizationId);
}

export function canManageMembers(actor: Actor | undefined, organizationId: string): boolean {
  return isPlatformAdmin(actor) || isAdminOf(actor, organizationId);
}

/** Leaving is always one's own choice; removing someone else takes an admin. */
export function canRemoveMember(actor: Actor | undefined, organizationId: string, userId: string): boolean {
  return actor?.id === userId ? isMemberOf(actor, organizationId) : canManageMembers(actor, organizationId);
}

/**
 * Spaces are kept by the organization that owns them: its admins and staff (members) manage them,
 * together with the platform team. Clubs and employers book, they do not offer rooms.
 */
export function canManageSpacesOf(actor: Actor | undefined, organization: { id: string; kind: string }): boolean {
  if (isPlatformAdmin(actor)) return true;
  return (organization.kind === 'municipality' || organization.kind === 'provider') && isMemberOf(actor, organization.id);
}

/** Approving, rejecting and cancelling others' bookings is for the owning organization's admins. */
export function canDecideBookingsOf(actor: Actor | undefined, organization: { id: string; kind: string }): boolean {
  if (isPlatformAdmin(actor)) return true;
  return (organization.kind === 'municipality' || organization.kind === 'provider') && isAdminOf(actor, organization.id);
}

/** A booking is seen by its booker, the space's managers, and the admins of the organization it was made for. */
export function canSeeBooking(actor: Actor | undefined, booking: { bookerId: string | null; spaceOrganization: { id: string; kind: string }; organizationId: string | null }): boolean {
  if (!actor) return false;
  if (booking.bookerId === actor.id) return true;
  if (canManageSpacesOf(actor, booking.spaceOrganization)) return true;
  return booking.organizationId !== null && isAdminOf(actor, booking.organizationId);
}

/** Pilot contracts are agreed with the platform team: only platform admins create and change them. */
export function canManageContracts(actor: Actor | undefined): boolean {
  return isPlatformAdmin(actor);
}

/** An employer's contracts, usage and statements are for its admins (and the platform team). */
export function canSeeContractsOf(actor: Actor | undefined, employerId: string): boolean {
  return isPlatformAdmin(actor) || isAdminOf(actor, employerId);
}

/** Every member of the employer is staff and may book on its contracts. */
export function canBookOnContractOf(actor: Actor | undefined, employerId: string): boolean {
  return isMemberOf(actor, employerId);
}

/** The workplace location feeds the commute figures; the organization's admins keep it. */
export function canSetWorkplaceOf(actor: Actor | undefined, organizationId: string): boolean {
  return isPlatformAdmin(actor) || isAdminOf(actor, organizationId);
}

/** Regional figures (never per person) are for the platform team. */
export function canSeeRegionFigures(actor: Actor | undefined): boolean {
  return isPlatformAdmin(actor);
}

/** The survey's questions and whether it is open are the platform team's to decide. */
export function canEditSurvey(actor: Actor | undefined): boolean {
  return isPlatformAdmin(actor);
}

/**
 * Demand reports: the platform team sees every town, a municipality's admins their own town
 * (`administeredTowns`: the `municipality` of each municipality organization they administer).
 */
export function reportTownsFor(actor: Actor | undefined, administeredTowns: string[]): 'all' | string[] {
  if (isPlatformAdmin(actor)) return 'all';
  return administeredTowns;
}

/** Webhooks carry an organization's bookings to its own systems: set up by its admins (and the platform team). */
export function canManageWebhooksOf(actor: Actor | undefined, organizationId: string): boolean {
  return isPlatformAdmin(actor) || isAdminOf(actor, organizationId);
}

/**
 * Provider admission is decided by the municipality of the provider's town (its admins,
 * `administeredTowns` as for reports) or by the platform team.
 */
export function canDecideAdmissionIn(actor: Actor | undefined, town: string | null, administeredTowns: string[]): boolean {
  if (isPlatformAdmin(actor)) return true;
  return town !== null && administeredTowns.includes(town);
}

/** Suspending a provider is for the same deciders; a municipality itself only the platform team suspends. */
export function canSuspendOrganization(actor: Actor | undefined, organization: { kind: string; municipality: string | null }, administeredTowns: string[]): boolean {
  if (organization.kind === 'platform') return false;
  if (isPlatformAdmin(actor)) return true;
  return organization.kind !== 'municipality' && canDecideAdmissionIn(actor, organization.municipality, administeredTowns);
}
