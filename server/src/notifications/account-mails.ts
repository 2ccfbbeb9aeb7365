import type { Locale } from '@landraeume/shared';
import { compose, FOOTER } from './compose';
import type { Mail } from './mailer';

export function verificationMail(to: string, name: string, url: string, locale: Locale): Mail {
  return locale === 'de'
    ? compose(to, 'Bitte bestätigen Sie Ihre E-Mail-Adresse', [`Hallo ${name},`, 'bitte bestätigen Sie Ihre E-Mail-Adresse, damit Sie Räume und Arbeitsplätze buchen können. Der Link ist 48 Stunden gültig.'], { url, label: 'E-Mail-Adresse bestätigen' }, FOOTER.de)
    : compose(to, 'Please confirm your e-mail address', [`Hello ${name},`, 'please confirm your e-mail address so that you can book rooms and desks. The link is valid for 48 hours.'], { url, label: 'Confirm e-mail address' }, FOOTER.en);
}

export function passwordResetMail(to: string, name: string, url: string, locale: Locale): Mail {
  return locale === 'de'
    ? compose(to, 'Passwort zurücksetzen', [`Hallo ${name},`, 'Sie (oder jemand anderes) haben ein neues Passwort angefordert. Der Link ist eine Stunde gültig und kann einmal verwendet werden. Wenn Sie nichts angefordert haben, ignorieren Sie diese E-Mail.'], { url, label: 'Neues Passwort festlegen' }, FOOTER.de)
    : compose(to, 'Reset your password', [`Hello ${name},`, 'you (or someone else) asked for a new password. The link is valid for one hour and works once. If you did not ask, ignore this e-mail.'], { url, label: 'Choose a new password' }, FOOTER.en);
}

export function invitationMail(to: string, organizationName: string, inviterName: string, url: string, locale: Locale): Mail {
  return locale === 'de'
    ? compose(to, `Einladung: ${organizationName} bei Landräume`, [`${inviterName} lädt Sie ein, ${organizationName} bei Landräume beizutreten.`, 'Der Link ist 7 Tage gültig. Haben Sie noch kein Konto, können Sie sich über den Link registrieren.'], { url, label: 'Einladung annehmen' }, FOOTER.de)
    : compose(to, `Invitation: ${organizationName} on Landräume`, [`${inviterName} invites you to join ${organizationName} on Landräume.`, 'The link is valid for 7 days. If you have no account yet, you can register through the link.'], { url, label: 'Accept the invitation' }, FOOTER.en);
}
