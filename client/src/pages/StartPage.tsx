import { useQuery } from '@tanstack/react-query';
import { MUNICIPALITIES, SPACE_KINDS, type SpaceList } from '@landraeume/shared';
import { useId, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { FormAlert } from '../components/FormAlert';
import { SpaceCard } from '../components/SpaceCard';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';

const FILTERS = ['municipality', 'kind', 'date', 'q'] as const;

/** The search lives in the URL, so a search can be bookmarked and shared. */
export function StartPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const ids = { town: useId(), kind: useId(), date: useId(), q: useId() };
  const query = new URLSearchParams({ pageSize: '100' });
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const results = useQuery({ queryKey: ['spaces', query.toString()], queryFn: () => api<SpaceList>(`/api/spaces?${query}`) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  };

  return (
    <>
      <section className="hero">
        <h1>{t('search.title')}</h1>
        <p>{t('search.intro')}</p>
        <form className="search-form" role="search" onSubmit={submit} key={params.toString()}>
          <div className="field">
            <label htmlFor={ids.town}>{t('search.town')}</label>
            <select id={ids.town} name="municipality" defaultValue={params.get('municipality') ?? ''}>
              <option value="">{t('search.anyTown')}</option>
              {MUNICIPALITIES.map((town) => (
                <option key={town.name} value={town.name}>
                  {town.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.kind}>{t('search.kind')}</label>
            <select id={ids.kind} name="kind" defaultValue={params.get('kind') ?? ''}>
              <option value="">{t('search.anyKind')}</option>
              {SPACE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.date}>{t('search.date')}</label>
            <input id={ids.date} type="date" name="date" defaultValue={params.get('date') ?? ''} />
          </div>
          <div className="field">
            <label htmlFor={ids.q}>{t('search.text')}</label>
            <input id={ids.q} type="search" name="q" maxLength={100} defaultValue={params.get('q') ?? ''} />
          </div>
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </form>
      </section>
      <section aria-live="polite" aria-busy={results.isPending}>
        {results.isPending && <p>{t('search.loading')}</p>}
        <FormAlert error={results.error} />
        {results.data && (
          <>
            <p className="result-count">{results.data.total === null ? t('search.resultsMore', { count: results.data.items.length }) : t('search.results', { count: results.data.total })}</p>
            {results.data.items.length === 0 ? (
              <p>{t('search.empty')}</p>
            ) : (
              <div className="card-grid">
                {results.data.items.map((space) => (
                  <SpaceCard key={space.id} space={space} />
                ))}
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}
