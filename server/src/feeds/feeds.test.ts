import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createApp } from '../app';
import { createTestApp, TEST_PUBLIC_URL, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';

type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let desks: SpaceFixture;
let hall: SpaceFixture;
let paula: Agent;
let otto: Agent;

const slot = (days: number, hour: number) => {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()! };
};
const pathOf = (url: string) => new URL(url).pathname;
const events = (body: string) => Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c?.type === 'VEVENT');

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality', 'Gemeinde Kalender');
  desks = await createSpace(db, town, { desks: 3, name: 'Coworking Kalender', holidaysClosed: false });
  hall = await createSpace(db, town, { room: { capacity: 40 }, approval: 'required', name: 'Saal Kalender', holidaysClosed: false });
  paula = await signIn(t.app, (await createUser(db, { name: 'Paula Privat', email: 'paula.privat@example.org' })).email);
  otto = await signIn(t.app, (await createUser(db, { name: 'Otto Other' })).email);
});
afterAll(async () => {
  await t?.close();
});

describe('personal calendar feed', () => {
  it('lists one’s own confirmed and requested bookings, not cancelled ones nor anyone else’s', async () => {
    const confirmed = await paula.post('/api/bookings').send({ spaceId: desks.id, ...slot(2, 9), purpose: 'Quartalsbericht' }).expect(201);
    const requested = await paula.post('/api/bookings').send({ spaceId: hall.id, ...slot(3, 10) }).expect(201);
    const cancelled = await paula.post('/api/bookings').send({ spaceId: desks.id, ...slot(4, 9) }).expect(201);
    await paula.post(`/api/bookings/${cancelled.body.id}/cancel`).send({}).expect(200);
    await otto.post('/api/bookings').send({ spaceId: desks.id, ...slot(2, 9) }).expect(201);

    const { body: feed } = await paula.get('/api/me/calendar-feed').expect(200);
    expect(feed.url).toMatch(new RegExp(`^${TEST_PUBLIC_URL}/ical/u/[A-Za-z0-9_-]{43}\\.ics$`));
    expect((await paula.get('/api/me/calendar-feed').expect(200)).body.url).toBe(feed.url);

    const res = await request(t.app).get(pathOf(feed.url)).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const byUid = new Map(events(res.text).map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([`${confirmed.body.id}@localhost`, `${requested.body.id}@localhost`].sort());
    const desk = byUid.get(`${confirmed.body.id}@localhost`)!;
    expect(desk.status).toBe('CONFIRMED');
    expect(desk.start.tz).toBe('Europe/Berlin');
    expect(desk.start.toISOString()).toBe(new Date(confirmed.body.start).toISOString());
    expect(String(desk.description)).toBe('Quartalsbericht');
    expect(byUid.get(`${requested.body.id}@localhost`)!.status).toBe('TENTATIVE');
    expect(res.text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(res.text).not.toContain('METHOD:');
  });

  it('answers 304 while nothing changed, and a new body once a booking changes', async () => {
    const { body: feed } = await paula.get('/api/me/calendar-feed').expect(200);
    const first = await request(t.app).get(pathOf(feed.url)).expect(200);
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['last-modified']).toBeTruthy();
    const again = await request(t.app).get(pathOf(feed.url)).expect(200);
    expect(again.text).toBe(first.text);
    const notModified = await request(t.app).get(pathOf(feed.url)).set('If-None-Match', first.headers.etag!).expect(304);
    expect(notModified.text).toBe('');
    await request(t.app).get(pathOf(feed.url)).set('If-Modified-Since', first.headers['last-modified']!).expect(304);

    await paula.post('/api/bookings').send({ spaceId: desks.id, ...slot(5, 9) }).expect(201);
    const changed = await request(t.app).get(pathOf(feed.url)).set('If-None-Match', first.headers.etag!).expect(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    expect(events(changed.text)).toHaveLength(events(first.text).length + 1);
  });

  it('shuts the old URL when the token is rotated', async () => {
    const { body: old } = await paula.get('/api/me/calendar-feed').expect(200);
    const { body: rotated } = await paula.post('/api/me/calendar-feed/rotate').send({}).expect(200);
    expect(rotated.url).not.toBe(old.url);
    const gone = await request(t.app).get(pathOf(old.url)).expect(404);
    expect(gone.body.error.code).toBe('not_found');
    await request(t.app).get(pathOf(rotated.url)).expect(200);
    expect((await paula.get('/api/me/calendar-feed').expect(200)).body.url).toBe(rotated.url);
  });

  it('never writes the token into the request log', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const logged = createApp({ config: { publicUrl: TEST_PUBLIC_URL, sessionSecret: TEST_SESSION_SECRET, dataDir: t.dataDir, smtpUrl: undefined, mailFrom: 'noreply@example.org' }, dataSource: t.db.dataSource, log });
    try {
      const { body: feed } = await paula.get('/api/me/calendar-feed').expect(200);
      await request(logged.app).get(pathOf(feed.url)).expect(200);
      const token = pathOf(feed.url).split('/').at(-1)!.replace('.ics', '');
      expect(lines.join('\n')).toContain('/ical/u/[redacted]');
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await logged.close();
    }
  });

  it('refuses a malformed token without touching the database', async () => {
    const res = await request(t.app).get('/ical/u/short.ics').expect(400);
    expect(res.body.error.code).toBe('invalid_input');
  });
});

describe('a single booking as a calendar file', () => {
  it('gives the booker their booking as an .ics to download, and nobody else', async () => {
    const booking = await paula.post('/api/bookings').send({ spaceId: desks.id, ...slot(6, 13), purpose: 'Kundentermin' }).expect(201);
    const res = await paula.get(`/api/bookings/${booking.body.id}/calendar.ics`).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="buchung.ics"');
    const [event] = events(res.text);
    expect(event!.uid).toBe(`${booking.body.id}@localhost`);
    expect(event!.start.toISOString()).toBe(new Date(booking.body.start).toISOString());
    expect(String(event!.description)).toBe('Kundentermin');
    await otto.get(`/api/bookings/${booking.body.id}/calendar.ics`).expect(404);
    await paula.post(`/api/bookings/${booking.body.id}/cancel`).send({}).expect(200);
    await paula.get(`/api/bookings/${booking.body.id}/calendar.ics`).expect(404);
  });
});

describe('public busy feed of a space', () => {
  it('shows when units are taken and nothing about who or why', async () => {
    const res = await request(t.app).get(`/ical/spaces/${desks.id}.ics`).expect(200);
    const busy = events(res.text);
    expect(busy.length).toBeGreaterThanOrEqual(3);
    for (const event of busy) expect(String(event.summary)).toMatch(/^Belegt: Platz \d$/);
    expect(res.text).not.toMatch(/Paula|Otto|Privat|Quartalsbericht|example\.org|ATTENDEE|ORGANIZER|DESCRIPTION/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    await request(t.app).get(`/ical/spaces/${desks.id}.ics`).set('If-None-Match', res.headers.etag!).expect(304);
  });

  it('does not exist for an unpublished space', async () => {
    await t.db.dataSource.query(`UPDATE spaces SET published = false WHERE id = $1`, [hall.id]);
    await request(t.app).get(`/ical/spaces/${hall.id}.ics`).expect(404);
    await t.db.dataSource.query(`UPDATE spaces SET published = true WHERE id = $1`, [hall.id]);
  });
});
