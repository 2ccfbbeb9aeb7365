import { useMutation } from '@tanstack/react-query';
import type { ManagedSpaceDetail } from '@landraeume/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { fromWeek, toWeek, weekProblems, type DayHours, type HoursRow } from './opening-hours-form';

/** The week's opening hours, several intervals a day, replaced as a whole. */
export function OpeningHoursEditor({ space, onSaved }: { space: ManagedSpaceDetail; onSaved(space: ManagedSpaceDetail): void }) {
  const { t } = useI18n();
  const [week, setWeek] = useState<DayHours[]>(() => toWeek(space.openingHours));
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () => api<ManagedSpaceDetail>(`/api/spaces/${space.id}/opening-hours`, { method: 'PUT', body: fromWeek(week) }),
    onSuccess: (saved) => {
      setWeek(toWeek(saved.openingHours));
      onSaved(saved);
    },
  });
  const problems = checked ? weekProblems(week) : {};
  const dayName = (weekday: number) => t(`weekday.${weekday}` as MessageKey);
  const local = Object.fromEntries(Object.entries(problems).map(([key, problem]) => [`${key.replace('.', '-')}-opens`, t(`manage.hours.${problem}`)]));
  const labels = Object.fromEntries(Object.keys(problems).map((key) => [`${key.replace('.', '-')}-opens`, `${dayName(Number(key.split('.')[0]))} ${Number(key.split('.')[1]) + 1}`]));
  const setRows = (weekday: number, rows: HoursRow[]) => setWeek((w) => w.map((day) => (day.weekday === weekday ? { ...day, rows } : day)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(weekProblems(week)).length === 0) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="hours-heading" className="manage-form">
      <h2 id="hours-heading">{t('space.hours')}</h2>
      <p className="hint">{t('manage.hours.hint')}</p>
      <ErrorSummary error={save.error} local={local} labels={labels} idPrefix="hours" />
      {save.isSuccess && <Notice>{t('manage.saved')}</Notice>}
      {week.map((day) => (
        <fieldset key={day.weekday} className="hours-day">
          <legend>{dayName(day.weekday)}</legend>
          {day.rows.length === 0 && <p className="hint">{t('manage.hours.closed')}</p>}
          {day.rows.map((row, index) => {
            const key = `${day.weekday}-${index}`;
            const problem = problems[`${day.weekday}.${index}`];
            const update = (patch: Partial<HoursRow>) => setRows(day.weekday, day.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
            return (
              <div key={index} className="hours-row">
                <label htmlFor={`hours-${key}-opens`}>{t('manage.hours.opens')}</label>
                <input id={`hours-${key}-opens`} type="time" value={row.opens} onChange={(e) => update({ opens: e.target.value })} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `hours-${key}-error` : undefined} />
                <label htmlFor={`hours-${key}-closes`}>{t('manage.hours.closes')}</label>
                <input id={`hours-${key}-closes`} type="time" value={row.closes} onChange={(e) => update({ closes: e.target.value })} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `hours-${key}-error` : undefined} />
                <button type="button" className="link-button" onClick={() => setRows(day.weekday, day.rows.filter((_, i) => i !== index))}>
                  {t('manage.hours.remove', { day: dayName(day.weekday), n: index + 1 })}
                </button>
                {problem && (
                  <p id={`hours-${key}-error`} className="field-error">
                    {t(`manage.hours.${problem}`)}
                  </p>
                )}
              </div>
            );
          })}
          <button type="button" className="link-button" onClick={() => setRows(day.weekday, [...day.rows, { opens: '', closes: '' }])}>
            {t('manage.hours.add', { day: dayName(day.weekday) })}
          </button>
        </fieldset>
      ))}
      <p className="hint">{t('manage.hours.midnight')}</p>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('manage.hours.save')}
      </button>
    </form>
  );
}
