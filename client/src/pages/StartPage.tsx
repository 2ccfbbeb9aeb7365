import { useQuery } from '@tanstack/react-query';
import { DEFAULT_MAP_TILES, type ClientConfig, type SpaceList } from '@landraeume/shared';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { FormAlert } from '../components/FormAlert';
import { MapBoundary } from '../components/map/MapBoundary';
import { SearchForm } from '../components/SearchForm';
import { SpaceCard } from '../components/SpaceCard';
import { useI18n } from '../i18n/i18n';
import { parseFilters, serializeFilters, toApiQuery, type SearchFilters } from '../search/search-filters';

// Leaflet is loaded only when someone opens the map, outside the start page's budget.
const SpaceMap = lazy(() => import('../components/map/SpaceMap'));

const PAGE_SIZE = 100;

/** The search lives in the URL, so a search can be bookmarked and shared. */
export function StartPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const go = (next: SearchFilters) => setParams(serializeFilters(next));
  const query = toApiQuery(filters, PAGE_SIZE);
  const results = useQuery({ queryKey: ['spaces', query.toString()], queryFn: () => api<SpaceList>(`/api/spaces?${query}`) });
  const config = useQuery({ queryKey: ['config'], queryFn: () => api<ClientConfig>('/api/config'), enabled: filters.view === 'map', staleTime: Infinity });
  // With a time window the server stops counting once the page is full: then only `hasMore` is known.
  const total = results.data?.total ?? null;
  const pages = total === null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageLink = (page: number) => `?${serializeFilters({ ...filters, page })}`;

  return (
    <>
      <section className="hero">
        <h1>{t('search.title')}</h1>
        <p>{t('search.intro')}</p>
        <SearchForm filters={filters} onSearch={go} />
      </section>
      <div className="view-switch" role="group" aria-label={t('search.view')}>
        {(['list', 'map'] as const).map((view) => (
          <button key={view} type="button" className="toggle" aria-pressed={filters.view === view} onClick={() => go({ ...filters, view })}>
            {t(view === 'list' ? 'search.viewList' : 'search.viewMap')}
          </button>
        ))}
      </div>
      <section aria-live="polite" aria-busy={results.isPending}>
        {results.isPending && <p>{t('search.loading')}</p>}
        <FormAlert error={results.error} />
        {results.data && (
          <>
            <p className="result-count">{results.data.total === null ? t('search.resultsMore', { count: results.data.items.length }) : t('search.results', { count: results.data.total })}</p>
            {results.data.items.length === 0 && <p>{t('search.empty')}</p>}
            {filters.view === 'map' && results.data.items.length > 0 && (
              <MapBoundary fallback={<p className="hint">{t('map.failed')}</p>}>
                <Suspense fallback={<p>{t('map.loading')}</p>}>
                  {(config.data || config.isError) && (
                    <SpaceMap spaces={results.data.items} tiles={config.data?.map ?? DEFAULT_MAP_TILES} label={t('map.label')} />
                  )}
                </Suspense>
              </MapBoundary>
            )}
            {filters.view === 'map' ? (
              <ul className="map-list" aria-label={t('map.listLabel')}>
                {results.data.items.map((space) => (
                  <li key={space.id}>
                    <Link to={`/raeume/${space.slug}`}>{space.name}</Link> · {space.municipality}
                    {space.freeUnits !== null && <> · {t('space.freeUnits', { count: space.freeUnits })}</>}
                  </li>
                ))}
              </ul>
            ) : (
              <div className="card-grid">
                {results.data.items.map((space) => (
                  <SpaceCard key={space.id} space={space} />
                ))}
              </div>
            )}
            {(filters.page > 1 || results.data.hasMore) && (
              <nav className="pager" aria-label={t('search.pages')}>
                {filters.page > 1 && <Link to={pageLink(filters.page - 1)}>{t('search.previous')}</Link>}
                <span>{pages === null ? t('search.pageOpen', { page: filters.page }) : t('search.page', { page: filters.page, pages })}</span>
                {results.data.hasMore && <Link to={pageLink(filters.page + 1)}>{t('search.next')}</Link>}
              </nav>
            )}
          </>
        )}
      </section>
    </>
  );
}
