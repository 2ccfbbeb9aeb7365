import { useI18n } from '../i18n/i18n';

export function FormAlert({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  if (!error) return null;
  return (
    <p role="alert" className="alert alert-error">
      {errorText(error)}
    </p>
  );
}

/** For mail links that arrive without their token (cut off by a mail program, typed by hand). */
export function MissingToken() {
  const { t } = useI18n();
  return (
    <p role="alert" className="alert alert-error">
      {t('error.invalid_token')}
    </p>
  );
}

export function Notice({ children }: { children: string }) {
  return (
    <p role="status" className="alert alert-ok">
      {children}
    </p>
  );
}
