import type { ProviderApplication } from '@landraeume/shared';

export interface ApplicationRow {
  id: string;
  status: ProviderApplication['status'];
  applicant_type: ProviderApplication['applicantType'];
  applicant_id: string | null;
  municipality: string;
  rooms: { name: string; description: string }[];
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  message: string;
  decision_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
  organization_id: string;
  organization_name: string;
  organization_street: string | null;
  organization_postcode: string | null;
  organization_email: string | null;
  organization_website: string | null;
  organization_status: 'active' | 'suspended';
  suspension_reason: string | null;
}

export const APPLICATION_SELECT = `
  SELECT a.id, a.status, a.applicant_type, a.applicant_id, a.municipality, a.rooms, a.contact_name, a.contact_email, a.contact_phone, a.message,
         a.decision_reason, a.decided_at, a.created_at, o.id AS organization_id, o.name AS organization_name, o.street AS organization_street,
         o.postcode AS organization_postcode, o.email AS organization_email, o.website AS organization_website, o.status AS organization_status, o.suspension_reason
    FROM provider_applications a JOIN organizations o ON o.id = a.organization_id`;

export const presentApplication = (row: ApplicationRow): ProviderApplication => ({
  id: row.id,
  status: row.status,
  applicantType: row.applicant_type,
  organization: {
    id: row.organization_id,
    name: row.organization_name,
    street: row.organization_street,
    postcode: row.organization_postcode,
    municipality: row.municipality,
    email: row.organization_email,
    website: row.organization_website,
    status: row.organization_status,
    suspensionReason: row.suspension_reason,
  },
  rooms: row.rooms,
  contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
  message: row.message,
  decisionReason: row.decision_reason,
  decidedAt: row.decided_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});
