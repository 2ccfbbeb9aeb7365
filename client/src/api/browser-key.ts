const STORAGE_KEY = 'landraeume.survey.browserKey';

/**
 * A random key this browser keeps for the survey: the server stores only its hash, to take one
 * answer per browser without knowing who answered. Not an identity, and never sent elsewhere.
 */
export function surveyBrowserKey(): string {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && /^[A-Za-z0-9_-]{22,128}$/.test(stored)) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  localStorage.setItem(STORAGE_KEY, key);
  return key;
}
