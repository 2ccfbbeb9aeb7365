import type { Member, Organization } from '@landraeume/shared';

export interface OrganizationRow {
  id: string;
  kind: Organization['kind'];
  name: string;
  slug: string;
  street: string | null;
  postcode: string | null;
  town: string | null;
  municipality: string | null;
  email: string | null;
  website: string | null;
  status: Organization['status'];
}

export const presentOrganization = (row: OrganizationRow): Organization => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  slug: row.slug,
  street: row.street,
  postcode: row.postcode,
  town: row.town,
  municipality: row.municipality,
  email: row.email,
  website: row.website,
  status: row.status,
});

export interface MemberRow {
  user_id: string;
  display_name: string;
  email: string;
  role: Member['role'];
  created_at: Date;
}

export const presentMember = (row: MemberRow): Member => ({
  userId: row.user_id,
  name: row.display_name,
  email: row.email,
  role: row.role,
  since: row.created_at.toISOString(),
});
