import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { parseFilters } from '../search/search-filters';
import { SearchForm } from './SearchForm';

const render = (query: string) =>
  renderToStaticMarkup(createElement(I18nProvider, null, createElement(SearchForm, { filters: parseFilters(new URLSearchParams(query)), onSearch: () => undefined })));

describe('the search form', () => {
  it('shows a shared search as it was meant, the German date as ISO for the date field', () => {
    const html = render('date=9.2.2027&from=18:00&to=20:00&municipality=D%C3%BClmen&postcode=48249&radiusKm=10&minCapacity=25&amenities=wifi&kind=sports_hall');
    expect(html).toMatch(/name="date" value="2027-02-09"/);
    expect(html).toMatch(/name="from" value="18:00"/);
    expect(html).toMatch(/name="minCapacity"[^>]*value="25"/);
    expect(html).toMatch(/<option value="Dülmen" selected="">/);
    expect(html).toMatch(/<option value="10" selected="">10 km/);
    expect(html).toMatch(/<option value="sports_hall" selected="">/);
    expect(html).toMatch(/checked="" value="wifi"/);
    expect(html).not.toMatch(/checked="" value="projector"/);
    expect(html).toContain('Ausstattung (1 gewählt)');
  });

  it('labels every field', () => {
    const html = render('');
    const ids = [...html.matchAll(/<(?:input|select)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(8);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
  });
});
