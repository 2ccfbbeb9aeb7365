import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, parseDay, parseFilters, serializeFilters, toApiQuery, type SearchFilters } from './search-filters';

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe('search filters in the URL', () => {
  it('has the defaults for an empty address', () => {
    expect(parse('')).toEqual(DEFAULT_FILTERS);
    expect(serializeFilters(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('survives a round trip with every filter set', () => {
    const full: SearchFilters = {
      date: '2027-02-09',
      from: '18:00',
      to: '20:30',
      municipality: 'Dülmen',
      postcode: '48249',
      near: undefined,
      radiusKm: 10,
      kind: 'sports_hall',
      minCapacity: 25,
      amenities: ['wifi', 'step_free'],
      q: 'Halle mit Tribüne',
      page: 3,
      view: 'map',
    };
    const url = serializeFilters(full).toString();
    expect(parse(url)).toEqual(full);
    expect(url).toContain('municipality=D%C3%BClmen');
    const near = { ...full, postcode: undefined, near: { lat: 51.83, lon: 7.28 } };
    expect(parse(serializeFilters(near).toString())).toEqual(near);
  });

  it('reads German dates and writes them back as ISO', () => {
    expect(parse('date=9.2.2027').date).toBe('2027-02-09');
    expect(parse('date=09.02.2027').date).toBe('2027-02-09');
    expect(serializeFilters(parse('date=24.12.2026')).get('date')).toBe('2026-12-24');
    expect(parseDay('29.02.2028')).toBe('2028-02-29');
  });

  it('ignores values it cannot use instead of failing', () => {
    const bad = parse('date=30.02.2027&from=25:00&to=nope&municipality=Berlin&kind=castle&minCapacity=-3&amenities=wifi,jacuzzi,wifi&page=0&view=globe&near=999,7&radiusKm=5');
    expect(bad).toEqual({ ...DEFAULT_FILTERS, amenities: ['wifi'] });
    expect(parse('date=2027-13-01').date).toBeUndefined();
    expect(parse('page=2.5').page).toBe(1);
    expect(parse('minCapacity=12abc').minCapacity).toBeUndefined();
  });

  it('keeps a time range only with a day and only when it ends after it starts', () => {
    expect(parse('from=18:00&to=20:00')).toMatchObject({ from: undefined, to: undefined });
    expect(parse('date=2027-02-09&from=20:00&to=18:00')).toMatchObject({ date: '2027-02-09', from: undefined, to: undefined });
    expect(parse('date=2027-02-09&from=8.00&to=9:30')).toMatchObject({ from: '08:00', to: '09:30' });
    expect(parse('date=2027-02-09&from=18:00')).toMatchObject({ from: undefined, to: undefined });
  });

  it('takes a postcode over coordinates and a radius only with a place to measure from', () => {
    expect(parse('postcode=48653&near=51.9,7.1&radiusKm=5')).toMatchObject({ postcode: '48653', near: undefined, radiusKm: 5 });
    expect(parse('radiusKm=5').radiusKm).toBeUndefined();
    expect(parse('postcode=4865').postcode).toBeUndefined();
    expect(parse('near=51.9,7.1&radiusKm=2,5')).toMatchObject({ near: { lat: 51.9, lon: 7.1 }, radiusKm: 2.5 });
  });

  it('asks the API for a whole day, or for the time range as instants in Berlin time across DST', () => {
    expect(toApiQuery(parse('date=2027-02-09&kind=coworking&view=map'), 100).toString()).toBe('date=2027-02-09&kind=coworking&pageSize=100');
    const summer = toApiQuery(parse('date=2027-07-06&from=18:00&to=20:00&page=2'), 24);
    expect(summer.get('from')).toBe('2027-07-06T18:00:00+02:00');
    expect(summer.get('to')).toBe('2027-07-06T20:00:00+02:00');
    expect(summer.get('date')).toBeNull();
    expect(summer.get('page')).toBe('2');
    expect(toApiQuery(parse('date=2027-02-09&from=18:00&to=20:00'), 24).get('from')).toBe('2027-02-09T18:00:00+01:00');
  });
});
