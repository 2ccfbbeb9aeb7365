import { useMutation, useQuery } from '@tanstack/react-query';
import { APPLICANT_TYPES, MUNICIPALITIES, type ProviderApplication } from '@landraeume/shared';
import { useId, useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useMe, useRefreshSession } from '../../api/session';
import { Field } from '../../components/Field';
import { FormAlert, Notice } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';

interface RoomDraft {
  key: number;
  name: string;
  description: string;
}

const optional = (value: FormDataEntryValue | null) => String(value ?? '').trim() || undefined;

/** "Als Anbieter bewerben": a club, parish or company offers its rooms; the municipality of its town decides. */
export function ProviderApplicationPage() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const refresh = useRefreshSession();
  const ids = { type: useId(), town: useId(), message: useId() };
  const [rooms, setRooms] = useState<RoomDraft[]>([{ key: 0, name: '', description: '' }]);
  const mine = useQuery({ queryKey: ['provider-applications', 'mine'], queryFn: () => api<{ items: ProviderApplication[] }>('/api/provider-applications'), enabled: !!me.data });
  const apply = useMutation({
    mutationFn: (body: object) => api<ProviderApplication>('/api/provider-applications', { method: 'POST', body }),
    onSuccess: async () => {
      await Promise.all([refresh(), mine.refetch()]);
    },
  });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/anbieter-werden" replace />;
  const { memberships } = me.data;
  const own = mine.data?.items.filter((a) => memberships.some((m) => m.organizationId === a.organization.id)) ?? [];
  const fields = apply.error instanceof ApiError ? apply.error.fieldErrors() : {};
  const setRoom = (key: number, change: Partial<RoomDraft>) => setRooms(rooms.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    apply.mutate({
      applicantType: String(form.get('applicantType')),
      organization: {
        name: String(form.get('orgName') ?? ''),
        municipality: String(form.get('municipality')),
        street: optional(form.get('street')),
        postcode: optional(form.get('postcode')),
        email: optional(form.get('orgEmail')),
        website: optional(form.get('website')),
      },
      rooms: rooms.map((r) => ({ name: r.name, description: r.description })),
      contact: { name: String(form.get('contactName') ?? ''), email: String(form.get('contactEmail') ?? ''), phone: String(form.get('contactPhone') ?? '') },
      message: optional(form.get('message')),
    });
  };

  return (
    <section className="narrow">
      <h1>{t('apply.title')}</h1>
      <p>{t('apply.intro')}</p>
      {own.length > 0 && (
        <>
          <h2>{t('apply.mine')}</h2>
          <ul className="booking-list">
            {own.map((a) => (
              <li key={a.id} className="card">
                <strong>{a.organization.name}</strong> · {a.organization.municipality} · {dateTime(a.createdAt)}
                <p>
                  {t(`admission.status.${a.status}` as MessageKey)}
                  {a.decisionReason ? ` – ${a.decisionReason}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {apply.isSuccess ? (
        <Notice>{t('apply.done')}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <h2>{t('apply.organization')}</h2>
          <div className="field">
            <label htmlFor={ids.type}>{t('apply.type')}</label>
            <select id={ids.type} name="applicantType" defaultValue="club">
              {APPLICANT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`apply.type.${type}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <Field label={t('apply.orgName')} name="orgName" required maxLength={200} autoComplete="organization" error={fields['organization.name']} />
          <div className="field">
            <label htmlFor={ids.town}>{t('search.town')}</label>
            <select id={ids.town} name="municipality" defaultValue={MUNICIPALITIES[0]!.name} aria-describedby={`${ids.town}-hint`}>
              {MUNICIPALITIES.map((town) => (
                <option key={town.name} value={town.name}>
                  {town.name}
                </option>
              ))}
            </select>
            <p id={`${ids.town}-hint`} className="hint">
              {t('apply.townHint')}
            </p>
          </div>
          <Field label={t('apply.street')} name="street" maxLength={200} autoComplete="street-address" error={fields['organization.street']} />
          <Field label={t('apply.postcode')} name="postcode" inputMode="numeric" maxLength={5} autoComplete="postal-code" error={fields['organization.postcode']} />
          <Field label={t('apply.orgEmail')} name="orgEmail" type="email" error={fields['organization.email']} />
          <Field label={t('apply.website')} name="website" type="url" maxLength={300} error={fields['organization.website']} />

          <fieldset>
            <legend>{t('apply.rooms')}</legend>
            {rooms.map((room, index) => (
              <div key={room.key} className="card">
                <Field
                  label={t('apply.roomName', { n: index + 1 })}
                  value={room.name}
                  onChange={(e) => setRoom(room.key, { name: e.target.value })}
                  required
                  maxLength={200}
                  error={fields[`rooms.${index}.name`]}
                />
                <Field label={t('apply.roomDescription', { n: index + 1 })} value={room.description} onChange={(e) => setRoom(room.key, { description: e.target.value })} maxLength={1000} />
                {rooms.length > 1 && (
                  <button type="button" className="link-button" onClick={() => setRooms(rooms.filter((r) => r.key !== room.key))}>
                    {t('apply.removeRoom', { n: index + 1 })}
                  </button>
                )}
              </div>
            ))}
            {fields.rooms && <p className="field-error">{fields.rooms}</p>}
            {rooms.length < 20 && (
              <button type="button" className="link-button" onClick={() => setRooms([...rooms, { key: Math.max(...rooms.map((r) => r.key)) + 1, name: '', description: '' }])}>
                {t('apply.addRoom')}
              </button>
            )}
          </fieldset>

          <h2>{t('apply.contact')}</h2>
          <Field label={t('form.name')} name="contactName" required maxLength={100} autoComplete="name" defaultValue={me.data.name} error={fields['contact.name']} />
          <Field label={t('form.email')} name="contactEmail" type="email" required autoComplete="email" defaultValue={me.data.email} error={fields['contact.email']} />
          <Field label={t('apply.phone')} name="contactPhone" type="tel" required maxLength={40} autoComplete="tel" error={fields['contact.phone']} />
          <div className="field">
            <label htmlFor={ids.message}>{t('apply.message')}</label>
            <textarea id={ids.message} name="message" maxLength={2000} rows={4} />
          </div>
          <FormAlert error={apply.error} />
          <button type="submit" className="button" disabled={apply.isPending}>
            {t('apply.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
