import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../accounts/actor';
import { createOrganization, createSpace, createUser } from '../db/testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/testing/test-database';
import { SpaceCatalog, type CatalogEntry } from '../spaces/space-catalog';
import { BookingCreateService } from './booking-create.service';

/*
 * The booking's insert refuses to write when the space's calendar is no longer the version its
 * rules were checked against (booking-writer.ts). A catalog that never catches up stands for a
 * space changed again and again while it is being booked.
 */
class StaleCatalog extends SpaceCatalog {
  reads = 0;

  override async entry(...args: Parameters<SpaceCatalog['entry']>): Promise<CatalogEntry | undefined> {
    this.reads++;
    const entry = await super.entry(...args);
    return entry && { ...entry, version: '0' };
  }
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('a calendar that changes while it is booked', () => {
  it('is read again, and after three changes in a row the booking is refused with a clear 409, writing nothing', async () => {
    const space = await createSpace(db.dataSource, await createOrganization(db.dataSource, 'provider'), { desks: 1 });
    const actor = (await loadActor(db.dataSource, (await createUser(db.dataSource, { verified: true })).id))!;
    const catalog = new StaleCatalog();
    const service = new BookingCreateService(db.dataSource, 72, undefined, undefined, catalog);
    const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });

    const refused = service.create(actor, { spaceId: space.id, resourceId: space.resourceIds[0]!, start: start.toISO()!, end: start.plus({ hours: 1 }).toISO()! });
    await expect(refused).rejects.toMatchObject({ code: 'conflict', status: 409 });
    expect(catalog.reads).toBe(3);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM bookings`)).toEqual([{ n: 0 }]);

    const current = new BookingCreateService(db.dataSource, 72, undefined, undefined, new SpaceCatalog());
    const booked = await current.create(actor, { spaceId: space.id, resourceId: space.resourceIds[0]!, start: start.toISO()!, end: start.plus({ hours: 1 }).toISO()! });
    expect(booked.status).toBe(201);
  });
});
