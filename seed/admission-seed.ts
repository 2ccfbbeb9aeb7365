import type { EntityManager } from 'typeorm';

/**
 * One parish waiting for admission, so the Dülmen demo account (and the platform team) find an
 * application in their inbox. Its organization is not admitted yet; once admitted by the demo,
 * the platform team invites its first admin.
 */
export async function seedPendingApplication(m: EntityManager): Promise<number> {
  const [org] = (await m.query(
    `INSERT INTO organizations (kind, name, slug, street, postcode, town, municipality, email, admission)
     VALUES ('provider', 'Ev. Kirchengemeinde Dülmen', 'ev-kirchengemeinde-duelmen', 'Ostring 5', '48249', 'Dülmen', 'Dülmen', 'gemeindebuero@ev-duelmen.example', 'pending')
     ON CONFLICT (slug) DO NOTHING RETURNING id`,
  )) as { id: string }[];
  if (!org) return 0;
  const rooms = [
    { name: 'Gemeindesaal an der Christuskirche', description: 'Bis 90 Personen, Bühne, Küche; werktags abends und am Wochenende frei.' },
    { name: 'Jugendkeller', description: 'Bis 25 Personen, Tischkicker, barrierefreier Zugang über den Hof.' },
  ];
  await m.query(
    `INSERT INTO provider_applications (organization_id, applicant_type, municipality, rooms, contact_name, contact_email, contact_phone, message, created_at)
     VALUES ($1, 'parish', 'Dülmen', $2::jsonb, 'Martina Küster', 'gemeindebuero@ev-duelmen.example', '02594 1234', $3, now() - interval '2 days')`,
    [org.id, JSON.stringify(rooms), 'Unsere Räume stehen oft leer – wir würden sie gern Vereinen und Gruppen aus Dülmen anbieten.'],
  );
  return 1;
}
