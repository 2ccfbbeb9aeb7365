import { useEffect, useRef } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/**
 * What went wrong with a form, at its top: each field's message links to the field (whose input
 * has the id `${idPrefix}-${path}`), or the one message of a rule the server refused. Focus moves
 * here when it appears, so keyboard and screen-reader users learn of it at once.
 */
export function ErrorSummary({ error, labels, idPrefix, local = {} }: { error: unknown; labels: Record<string, string>; idPrefix: string; local?: Record<string, string> }) {
  const { t, errorText } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const fields = { ...(error instanceof ApiError ? error.fieldErrors() : {}), ...local };
  const shown = !!error || Object.keys(local).length > 0;
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown, error]);
  if (!shown) return null;
  const entries = Object.entries(fields);
  return (
    <div ref={box} tabIndex={-1} role="alert" className="alert alert-error error-summary">
      {entries.length ? (
        <>
          <p>{t('manage.errors')}</p>
          <ul>
            {entries.map(([path, message]) => (
              <li key={path}>
                <a href={`#${idPrefix}-${path.replace(/\./g, '-')}`}>{labels[path] ? `${labels[path]}: ${message}` : message}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{errorText(error)}</p>
      )}
    </div>
  );
}

/** The field errors of a failed request, to show next to the inputs. */
export const fieldErrorsOf = (error: unknown): Record<string, string> => (error instanceof ApiError ? error.fieldErrors() : {});
