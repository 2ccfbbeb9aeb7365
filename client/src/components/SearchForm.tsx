import { AMENITIES, MUNICIPALITIES } from '@landraeume/shared';
import { useId, type FormEvent } from 'react';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';
import { parseDay, RADIUS_CHOICES, type SearchFilters } from '../search/search-filters';
import { SpaceKindOptions } from './Options';

/** The search filters as a form; submitting hands back the new filters (page 1, same view). */
export function SearchForm({ filters, onSearch }: { filters: SearchFilters; onSearch(next: SearchFilters): void }) {
  const { t } = useI18n();
  const id = useId();
  const ids = { town: `${id}town`, kind: `${id}kind`, date: `${id}date`, from: `${id}from`, to: `${id}to`, q: `${id}q`, postcode: `${id}pc`, radius: `${id}r`, capacity: `${id}cap` };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const date = parseDay(text('date'));
    const postcode = text('postcode');
    onSearch({
      ...filters,
      date,
      from: date ? text('from') : undefined,
      to: date ? text('to') : undefined,
      municipality: text('municipality'),
      postcode: postcode && /^\d{5}$/.test(postcode) ? postcode : undefined,
      near: postcode ? undefined : filters.near,
      radiusKm: text('radiusKm') ? Number(text('radiusKm')) : undefined,
      kind: text('kind') as SearchFilters['kind'],
      minCapacity: text('minCapacity') ? Number(text('minCapacity')) : undefined,
      amenities: AMENITIES.filter((a) => form.getAll('amenities').includes(a)),
      q: text('q'),
      page: 1,
    });
  };
  return (
    <form className="search-form" role="search" onSubmit={submit} key={JSON.stringify(filters)}>
      <div className="field">
        <label htmlFor={ids.town}>{t('search.town')}</label>
        <select id={ids.town} name="municipality" defaultValue={filters.municipality ?? ''}>
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
        <select id={ids.kind} name="kind" defaultValue={filters.kind ?? ''}>
          <option value="">{t('search.anyKind')}</option>
          <SpaceKindOptions />
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.date}>{t('search.date')}</label>
        <input id={ids.date} type="date" name="date" defaultValue={filters.date ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={ids.from}>{t('search.timeFrom')}</label>
        <input id={ids.from} type="time" name="from" defaultValue={filters.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('search.timeTo')}</label>
        <input id={ids.to} type="time" name="to" defaultValue={filters.to ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={ids.postcode}>{t('search.postcode')}</label>
        <input id={ids.postcode} name="postcode" inputMode="numeric" pattern="[0-9]{5}" maxLength={5} autoComplete="postal-code" defaultValue={filters.postcode ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={ids.radius}>{t('search.radius')}</label>
        <select id={ids.radius} name="radiusKm" defaultValue={filters.radiusKm ?? ''}>
          <option value="">{t('search.anyRadius')}</option>
          {RADIUS_CHOICES.map((km) => (
            <option key={km} value={km}>
              {t('search.radiusKm', { km })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.capacity}>{t('search.capacity')}</label>
        <input id={ids.capacity} type="number" name="minCapacity" min={1} max={10000} inputMode="numeric" defaultValue={filters.minCapacity ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={ids.q}>{t('search.text')}</label>
        <input id={ids.q} type="search" name="q" maxLength={100} defaultValue={filters.q ?? ''} />
      </div>
      <details className="search-amenities" open={filters.amenities.length > 0}>
        <summary>{t('search.amenities', { count: filters.amenities.length })}</summary>
        <fieldset>
          <legend className="visually-hidden">{t('space.amenities')}</legend>
          {AMENITIES.map((amenity) => (
            <label key={amenity} className="choice">
              <input type="checkbox" name="amenities" value={amenity} defaultChecked={filters.amenities.includes(amenity)} /> {t(`amenity.${amenity}` as MessageKey)}
            </label>
          ))}
        </fieldset>
      </details>
      <button type="submit" className="button">
        {t('search.submit')}
      </button>
    </form>
  );
}
