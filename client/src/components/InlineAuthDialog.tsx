import { useMutation } from '@tanstack/react-query';
import type { Me } from '@landraeume/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Field } from './Field';
import { FormAlert, Notice } from './FormAlert';

type Mode = 'signIn' | 'register';

/**
 * Sign in or register without leaving the space page, so the chosen slot stays chosen. A modal
 * <dialog> keeps focus inside while open, closes on Escape and hands focus back to the button
 * that opened it.
 */
export function InlineAuthDialog({ open, choice, onClose, onSignedIn }: { open: boolean; choice: string; onClose(): void; onSignedIn(me: Me, registered: boolean): void }) {
  const { t, locale, setLocale } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [mode, setMode] = useState<Mode>('signIn');
  const [registered, setRegistered] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const auth = useMutation({
    mutationFn: ({ path, body }: { path: string; body: object }) => api<Me>(path, { method: 'POST', body }),
    onSuccess: (me, { path }) => {
      const isNew = path.endsWith('register');
      setLocale(me.locale);
      if (isNew) setRegistered(true);
      onSignedIn(me, isNew);
    },
  });
  const fields = auth.error instanceof ApiError ? auth.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    if (mode === 'signIn') auth.mutate({ path: '/api/auth/login', body: { email, password } });
    else auth.mutate({ path: '/api/auth/register', body: { name: String(form.get('name')), email, password, locale } });
  };
  const switchTo = (next: Mode) => {
    auth.reset();
    setMode(next);
  };

  return (
    <dialog ref={dialog} className="auth-dialog" aria-labelledby={titleId} onClose={onClose}>
      <button type="button" className="link-button dialog-close" onClick={onClose}>
        {t('auth.close')}
      </button>
      <h2 id={titleId}>{t('auth.dialogTitle')}</h2>
      <p>{t('auth.dialogIntro', { choice })}</p>
      {registered ? (
        <Notice>{t('auth.verifyFirst')}</Notice>
      ) : (
        <>
          <div className="view-switch" role="group" aria-label={t('auth.modes')}>
            {(['signIn', 'register'] as const).map((m) => (
              <button key={m} type="button" className="toggle" aria-pressed={mode === m} onClick={() => switchTo(m)}>
                {t(m === 'signIn' ? 'auth.signIn' : 'auth.register')}
              </button>
            ))}
          </div>
          <form onSubmit={submit} noValidate key={mode}>
            {mode === 'register' && <Field label={t('form.name')} name="name" autoComplete="name" required maxLength={100} error={fields.name} />}
            <Field label={t('form.email')} name="email" type="email" autoComplete="email" required error={fields.email} />
            <Field
              label={t('form.password')}
              name="password"
              type="password"
              autoComplete={mode === 'signIn' ? 'current-password' : 'new-password'}
              required
              {...(mode === 'register' ? { minLength: 10, hint: t('form.passwordHint') } : {})}
              error={fields.password}
            />
            <FormAlert error={auth.error} />
            <button type="submit" className="button" disabled={auth.isPending}>
              {t(mode === 'signIn' ? 'auth.signInAndBook' : 'auth.registerSubmit')}
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
