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
