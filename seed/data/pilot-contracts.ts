import type { SeedContract } from '../types';

/*
 * The three pilot employers, their contracts and staff. Homes are postcodes of the district
 * (their town centre stands for the home); workplaces are the employers' sites, so the commute
 * figures are those of real trips: Nottuln to Coesfeld, Lüdinghausen to Münster.
 */
export const PILOT_CONTRACTS: SeedContract[] = [
  {
    employer: 'berkeltal-software', name: 'Pilotvertrag Coworking Baumberge', workplace: { lat: 51.9466, lon: 7.169 },
    providers: ['coworking-baumberge', 'landwerk-coworking'], spaces: [], daysPerEmployee: 8, pool: null, price: { unit: 'day', cents: 1800 }, bookedHours: 'whole_day',
    staff: [
      { email: 'mitarbeiterin@demo.landraeume.example', name: 'Eva Entwicklerin', homePostcode: '48301', role: 'member', weekdays: [2, 4], shareCommute: true },
      { email: 'jonas.berger@berkeltal.example', name: 'Jonas Berger', homePostcode: '48727', role: 'member', weekdays: [1, 3] },
      { email: 'laura.hesse@berkeltal.example', name: 'Laura Hesse', homePostcode: '48329', role: 'member', weekdays: [2, 5], shareCommute: true },
      { email: 'mehmet.yilmaz@berkeltal.example', name: 'Mehmet Yılmaz', homePostcode: '48308', role: 'member', weekdays: [3] },
    ],
  },
  {
    employer: 'muensterland-agrartechnik', name: 'Pilot Wohnortnahes Arbeiten 2026/27', workplace: { lat: 51.9497, lon: 7.6403 },
    providers: ['landwerk-coworking'], spaces: ['coworking-coesfeld-bahnhof', 'nordkirchen-alter-bahnhof'], daysPerEmployee: 10, pool: { unit: 'day', amount: 40 }, price: { unit: 'day', cents: 2000 }, bookedHours: 'whole_day',
    staff: [
      { email: 'personal@agrartechnik.example', name: 'Heike Kortmann', homePostcode: '48249', role: 'admin', weekdays: [5] },
      { email: 'lukas.brinkmann@agrartechnik.example', name: 'Lukas Brinkmann', homePostcode: '59348', role: 'member', weekdays: [1, 2, 4] },
      { email: 'anja.schulte@agrartechnik.example', name: 'Anja Schulte', homePostcode: '59399', role: 'member', weekdays: [2, 3], shareCommute: true },
      { email: 'peter.hoelscher@agrartechnik.example', name: 'Peter Hölscher', homePostcode: '48653', role: 'member', weekdays: [1, 4] },
      { email: 'nina.terhorst@agrartechnik.example', name: 'Nina Terhorst', homePostcode: '59394', role: 'member', weekdays: [3, 5] },
    ],
  },
  {
    employer: 'kreisverwaltung-coesfeld', name: 'Dienstvereinbarung Mobiles Arbeiten – Coworking', workplace: { lat: 51.9424, lon: 7.1685 },
    providers: [], spaces: ['landwerk-duelmen-zentrum', 'landwerk-luedinghausen-burg', 'landwerk-senden-steverpark', 'coworking-havixbeck-sandstein', 'nordkirchen-alter-bahnhof'],
    daysPerEmployee: null, pool: { unit: 'hour', amount: 320 }, price: { unit: 'hour', cents: 250 }, bookedHours: { from: '08:00', to: '16:00' },
    staff: [
      { email: 'personalamt@kreis-coesfeld.example', name: 'Ulrike Personalamt', homePostcode: '48653', role: 'admin', weekdays: [] },
      { email: 'karin.vogt@kreis-coesfeld.example', name: 'Karin Vogt', homePostcode: '59348', role: 'member', weekdays: [1, 3] },
      { email: 'stefan.lammers@kreis-coesfeld.example', name: 'Stefan Lammers', homePostcode: '48308', role: 'member', weekdays: [2, 4] },
      { email: 'julia.reckers@kreis-coesfeld.example', name: 'Julia Reckers', homePostcode: '59394', role: 'member', weekdays: [5], shareCommute: true },
      { email: 'markus.deitert@kreis-coesfeld.example', name: 'Markus Deitert', homePostcode: '48249', role: 'member', weekdays: [1, 4] },
    ],
  },
];
