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

export function Notice({ children }: { children: string }) {
  return (
    <p role="status" className="alert alert-ok">
      {children}
    </p>
  );
}
