/**
 * What someone chose on a space page before signing up. The confirmation link of a new account
 * usually opens in another tab, so the choice is kept in localStorage (not sessionStorage), for a
 * day, and only the choice: no personal data beyond an optional purpose.
 */
export interface PendingChoice {
  slug: string;
  spaceName: string;
  day: string;
  resourceId: string;
  wholeDay: boolean;
  start: string;
  end: string;
  purpose: string;
  savedAt: number;
}

const KEY = 'landraeume.pendingBooking';
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function savePendingChoice(choice: Omit<PendingChoice, 'savedAt'>, now = Date.now()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...choice, savedAt: now }));
  } catch {
    // Storage may be off (private mode); the choice then lives only as long as the page.
  }
}

export function loadPendingChoice(slug?: string, now = Date.now()): PendingChoice | undefined {
  try {
    const choice = JSON.parse(localStorage.getItem(KEY) ?? 'null') as PendingChoice | null;
    if (!choice || typeof choice.slug !== 'string' || typeof choice.savedAt !== 'number' || now - choice.savedAt > MAX_AGE_MS) return undefined;
    return slug === undefined || choice.slug === slug ? choice : undefined;
  } catch {
    return undefined;
  }
}

export function clearPendingChoice(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
