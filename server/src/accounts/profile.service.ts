import type { Me, ProfileUpdate } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { rowsOf } from '../db/rows';
import { DomainError, notFound } from '../http/errors';
import { loadActor, type Actor } from './actor';
import { enqueueBookingEvents } from '../webhooks/webhook-events';
import { releaseSlots } from '../bookings/release-slots';

interface ProfileRow {
  home_postcode: string | null;
  home_lat: number | null;
  home_lon: number | null;
  share_commute: boolean;
}

/** The person's own data: what they see, change, take away (export) or erase. */
export class ProfileService {
  constructor(private readonly db: DataSource) {}

  async me(userId: string): Promise<Me> {
    const actor = await loadActor(this.db, userId);
    const [profile] = (await this.db.query(`SELECT home_postcode, home_lat, home_lon, share_commute FROM users WHERE id = $1`, [userId])) as ProfileRow[];
    if (!actor || !profile) throw notFound('Account');
    return {
      id: actor.id,
      email: actor.email,
      name: actor.name,
      locale: actor.locale,
      emailVerified: actor.emailVerified,
      homePostcode: profile.home_postcode,
      homeLocation: profile.home_lat !== null && profile.home_lon !== null ? { lat: profile.home_lat, lon: profile.home_lon } : null,
      shareCommute: profile.share_commute,
      memberships: actor.memberships,
    };
  }

  async update(actor: Actor, input: ProfileUpdate): Promise<Me> {
    const location = input.homeLocation;
    await this.db.query(
      `UPDATE users SET
         display_name = coalesce($2, display_name),
         locale = coalesce($3, locale),
         home_postcode = CASE WHEN $4 THEN $5 ELSE home_postcode END,
         home_lat = CASE WHEN $6 THEN $7::double precision ELSE home_lat END,
         home_lon = CASE WHEN $6 THEN $8::double precision ELSE home_lon END,
         share_commute = coalesce($9, share_commute),
         updated_at = now()
       WHERE id = $1`,
      [actor.id, input.name ?? null, input.locale ?? null, input.homePostcode !== undefined, input.homePostcode ?? null, location !== undefined, location?.lat ?? null, location?.lon ?? null, input.shareCommute ?? null],
    );
    return this.me(actor.id);
  }

  /** Everything the system holds about the person, in one JSON document (GDPR Art. 15 and 20). */
  async export(actor: Actor): Promise<Record<string, unknown>> {
    const [account] = (await this.db.query(
      `SELECT id, email, display_name AS name, locale, home_postcode, home_lat, home_lon, share_commute, email_verified_at, created_at, updated_at FROM users WHERE id = $1`,
      [actor.id],
    )) as Record<string, unknown>[];
    const memberships = await this.db.query(
      `SELECT o.id AS organization_id, o.name AS organization, o.kind, m.role, m.created_at AS since FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = $1`,
      [actor.id],
    );
    const invitations = await this.db.query(
      `SELECT i.email, o.name AS organization, i.role, i.created_at, i.accepted_at FROM invitations i JOIN organizations o ON o.id = i.organization_id
        WHERE lower(i.email) = lower($2) OR i.invited_by = $1 OR i.accepted_by = $1`,
      [actor.id, actor.email],
    );
    const activity = await this.db.query(`SELECT action, subject_type, subject_id, data, created_at FROM audit_events WHERE actor_user_id = $1 ORDER BY created_at`, [actor.id]);
    const [{ sessions }] = (await this.db.query(`SELECT count(*)::int AS sessions FROM sessions WHERE user_id = $1 AND expire > now()`, [actor.id])) as [{ sessions: number }];
    const bookings = await this.db.query(
      `SELECT b.id, s.name AS space, r.name AS resource, lower(b.period) AS start, upper(b.period) AS "end", b.status, b.whole_day, b.purpose, b.attendees,
              b.price_cents, o.name AS organization, b.contract_id, b.decision_reason, b.series_id, b.created_at
         FROM bookings b JOIN spaces s ON s.id = b.space_id JOIN resources r ON r.id = b.resource_id LEFT JOIN organizations o ON o.id = b.organization_id
        WHERE b.booker_id = $1 ORDER BY lower(b.period)`,
      [actor.id],
    );
    const series = await this.db.query(`SELECT id, rrule, first_start, first_end, exdates, purpose, created_at FROM booking_series WHERE booker_id = $1`, [actor.id]);
    const providerApplications = await this.db.query(
      `SELECT a.id, o.name AS organization, a.applicant_type, a.municipality, a.rooms, a.contact_name, a.contact_email, a.contact_phone, a.message, a.status, a.decision_reason, a.created_at, a.decided_at
         FROM provider_applications a JOIN organizations o ON o.id = a.organization_id WHERE a.applicant_id = $1 ORDER BY a.created_at`,
      [actor.id],
    );
    const waitlist = await this.db.query(
      `SELECT w.id, s.name AS space, r.name AS resource, lower(w.period) AS start, upper(w.period) AS "end", w.auto_book, w.status, w.booking_id, w.failure, w.created_at
         FROM waitlist_entries w JOIN spaces s ON s.id = w.space_id LEFT JOIN resources r ON r.id = w.resource_id
        WHERE w.user_id = $1 ORDER BY w.created_at`,
      [actor.id],
    );
    return { exportedAt: new Date().toISOString(), account, memberships, invitations, activity, activeSessions: sessions, bookings, series, providerApplications, waitlist };
  }

  /**
   * Erases the person. The row stays, emptied of everything personal, because records that
   * others must keep (audit entries, later bookings) point at it.
   */
  async erase(actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const soleAdminOf = (await m.query(
        `SELECT o.name FROM memberships mine JOIN organizations o ON o.id = mine.organization_id
          WHERE mine.user_id = $1 AND mine.role = 'admin'
            AND NOT EXISTS (SELECT 1 FROM memberships other WHERE other.organization_id = mine.organization_id AND other.role = 'admin' AND other.user_id <> $1)`,
        [actor.id],
      )) as { name: string }[];
      if (soleAdminOf.length > 0) {
        throw new DomainError('last_admin', 'You are the only admin of an organization: appoint another admin first', { organizations: soleAdminOf.map((o) => o.name) });
      }
      await m.query(`DELETE FROM invitations WHERE lower(email) = lower($1)`, [actor.email]);
      await m.query(`UPDATE audit_events SET data = data - 'email' WHERE lower(data ->> 'email') = lower($1)`, [actor.email]);
      await m.query(`DELETE FROM memberships WHERE user_id = $1`, [actor.id]);
      await m.query(`DELETE FROM user_tokens WHERE user_id = $1`, [actor.id]);
      await m.query(`DELETE FROM sessions WHERE user_id = $1`, [actor.id]);
      // Future bookings end with the account, so their slots are free for others; past ones stay
      // for the providers' records, without the free text that may say something personal.
      const ended = rowsOf<{ id: string }>(await m.query(
        `UPDATE bookings SET status = CASE WHEN status = 'held' THEN 'expired' ELSE 'cancelled' END, decision_reason = 'account erased', sequence = sequence + 1, updated_at = now()
          WHERE booker_id = $1 AND status IN ('pending', 'confirmed', 'held') AND upper(period) > now() RETURNING id`,
        [actor.id],
      ));
      await enqueueBookingEvents(m, ended.map((b) => b.id), ['booking.cancelled']);
      await m.query(`DELETE FROM waitlist_entries WHERE user_id = $1`, [actor.id]);
      await releaseSlots(m, ended.map((b) => b.id));
      await m.query(`UPDATE bookings SET purpose = '' WHERE booker_id = $1`, [actor.id]);
      await m.query(`UPDATE booking_series SET purpose = '' WHERE booker_id = $1`, [actor.id]);
      // An application stays with its organization and the deciders; the contact its applicant
      // gave and their message go with the applicant (the organization's admins remain reachable).
      await m.query(`UPDATE provider_applications SET contact_name = 'Gelöschtes Konto', contact_email = '', contact_phone = '', message = '' WHERE applicant_id = $1`, [actor.id]);
      await m.query(
        `UPDATE users SET email = 'deleted-' || id || '@invalid', display_name = 'Gelöschtes Konto', password_hash = '!',
                home_postcode = NULL, home_lat = NULL, home_lon = NULL, email_verified_at = NULL, deleted_at = now(), updated_at = now()
          WHERE id = $1`,
        [actor.id],
      );
      await recordAudit(m, { actorId: actor.id, action: 'account.erased', subjectType: 'user', subjectId: actor.id });
    });
  }
}
