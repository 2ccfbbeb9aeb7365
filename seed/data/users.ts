import type { SeedUser } from '../types';
import { PLATFORM_SLUG } from './organizations';

/** Shared by every demo account and printed in the README; long enough and not on the common list. */
export const DEMO_PASSWORD = 'Demo-Landraeume-2026';

export const DEMO_USERS: SeedUser[] = [
  { role: 'Pendlerin (bucht Arbeitsplätze)', email: 'pendlerin@demo.landraeume.example', name: 'Anna Pendler', homePostcode: '48727', memberships: [] },
  { role: 'Vereinsvorstand (bucht Räume für den Verein)', email: 'verein@demo.landraeume.example', name: 'Bernd Vorstand', homePostcode: '59348', memberships: [{ organization: 'musikverein-luedinghausen', role: 'admin' }] },
  { role: 'Vereinsmitglied', email: 'mitglied@demo.landraeume.example', name: 'Clara Mitglied', homePostcode: '59348', memberships: [{ organization: 'musikverein-luedinghausen', role: 'member' }] },
  { role: 'Arbeitgeber-Admin (Pilotvertrag)', email: 'arbeitgeber@demo.landraeume.example', name: 'Dirk Personal', homePostcode: '48653', memberships: [{ organization: 'berkeltal-software', role: 'admin' }] },
  { role: 'Beschäftigte (bucht auf Kontingent)', email: 'mitarbeiterin@demo.landraeume.example', name: 'Eva Entwicklerin', homePostcode: '48301', memberships: [{ organization: 'berkeltal-software', role: 'member' }] },
  { role: 'Raumverwaltung der Gemeinde', email: 'gemeinde@demo.landraeume.example', name: 'Frank Liegenschaften', homePostcode: '48249', memberships: [{ organization: 'stadt-duelmen', role: 'admin' }] },
  { role: 'Anbieter-Team (Coworking)', email: 'anbieter@demo.landraeume.example', name: 'Greta Gastgeberin', homePostcode: '48301', memberships: [{ organization: 'coworking-baumberge', role: 'member' }] },
  { role: 'Anbieter-Admin (Coworking)', email: 'anbieter-admin@demo.landraeume.example', name: 'Hannes Betreiber', homePostcode: '48249', memberships: [{ organization: 'landwerk-coworking', role: 'admin' }] },
  { role: 'Plattform-Admin', email: 'admin@demo.landraeume.example', name: 'Ines Plattform', homePostcode: '48653', memberships: [{ organization: PLATFORM_SLUG, role: 'admin' }] },
];
