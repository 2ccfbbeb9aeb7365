import type { ResourceFeature } from '@landraeume/shared';
import type { SeedDesk, SeedSpace } from '../types';
import { COWORKING_HOURS, SMALL_COWORKING_HOURS } from './opening-hours';

/** Desks differ the way they do in real spaces: some by the window, some with a second screen. */
function desks(count: number): SeedDesk[] {
  const pattern: ResourceFeature[][] = [['monitor', 'docking_station'], ['window_seat'], ['standing_desk', 'monitor'], ['quiet_zone'], []];
  return Array.from({ length: count }, (_, i) => ({ name: `Platz ${i + 1}`, features: pattern[i % pattern.length] ?? [] }));
}

const COMMON = {
  kind: 'coworking' as const,
  approval: 'instant' as const,
  slotMinutes: 30 as const,
  minDurationMinutes: 60,
  maxDurationMinutes: 780,
  horizonDays: 60,
  houseRules: 'Bitte telefonieren Sie in der Telefonbox. Der Platz ist bis zum Ende der Buchung aufgeräumt zu verlassen.',
};

export const COWORKING_SPACES: SeedSpace[] = [
  {
    ...COMMON, slug: 'coworking-nottuln-stiftsplatz', owner: 'coworking-baumberge', name: 'Coworking Baumberge – Nottuln am Stiftsplatz',
    description: 'Helle Arbeitsplätze im Ortskern, fünf Minuten vom Bus S60 nach Münster. Kaffee und Wasser sind inklusive.',
    street: 'Hauptstraße 12', postcode: '48301', municipality: 'Nottuln', offset: [120, 40], capacity: 12,
    amenities: ['wifi', 'coffee', 'kitchen', 'printer', 'phone_booth', 'bike_parking', 'step_free', 'accessible_toilet'],
    pricePerHourCents: 400, pricePerDayCents: 1900, accessInstructions: 'Klingeln Sie am Seiteneingang; die Gastgeberin ist von 8 bis 17 Uhr vor Ort.',
    opening: COWORKING_HOURS, desks: desks(12), closures: [{ fromDay: 20, toDay: 20, reason: 'Teamtag', resourceName: 'Platz 3' }],
  },
  {
    ...COMMON, slug: 'coworking-billerbeck-dom', owner: 'coworking-baumberge', name: 'Coworking Baumberge – Billerbeck am Dom',
    description: 'Ruhige Arbeitsplätze im ehemaligen Kaufmannshaus gegenüber dem Ludgerus-Dom.',
    street: 'Münsterstraße 9', postcode: '48727', municipality: 'Billerbeck', offset: [-80, 60], capacity: 8,
    amenities: ['wifi', 'coffee', 'printer', 'bike_parking', 'garden'], pricePerHourCents: 350, pricePerDayCents: 1700,
    opening: COWORKING_HOURS, desks: desks(8),
  },
  {
    ...COMMON, slug: 'coworking-havixbeck-sandstein', owner: 'coworking-baumberge', name: 'Sandstein-Büro Havixbeck',
    description: 'Sechs Plätze im umgebauten Gewölbekeller, stabiles Glasfaser-Internet.',
    street: 'Hauptstraße 48', postcode: '48329', municipality: 'Havixbeck', offset: [60, -90], capacity: 6,
    amenities: ['wifi', 'coffee', 'lockers', 'parking'], pricePerHourCents: 300, pricePerDayCents: 1500,
    opening: SMALL_COWORKING_HOURS, desks: desks(6),
  },
  {
    ...COMMON, slug: 'coworking-rosendahl-osterwick', owner: 'coworking-baumberge', name: 'Dorfbüro Osterwick',
    description: 'Vier Arbeitsplätze im Dorfladen – wer hier arbeitet, spart die Fahrt nach Coesfeld oder Münster.',
    street: 'Fabianusstraße 3', postcode: '48720', municipality: 'Rosendahl', offset: [-1500, -1200], capacity: 4,
    amenities: ['wifi', 'coffee', 'parking', 'ev_charging'], pricePerHourCents: 250, pricePerDayCents: 1200,
    opening: SMALL_COWORKING_HOURS, desks: desks(4),
  },
  {
    ...COMMON, slug: 'coworking-coesfeld-bahnhof', owner: 'coworking-baumberge', name: 'Coworking am Bahnhof Coesfeld',
    description: 'Direkt am Bahnhof: ideal für alle, die nur noch an zwei Tagen zum Arbeitgeber fahren.',
    street: 'Bahnhofstraße 21', postcode: '48653', municipality: 'Coesfeld', offset: [300, -250], capacity: 16,
    amenities: ['wifi', 'coffee', 'kitchen', 'printer', 'phone_booth', 'lockers', 'bike_parking', 'step_free', 'accessible_toilet', 'screen'],
    pricePerHourCents: 450, pricePerDayCents: 2200, opening: COWORKING_HOURS, desks: desks(16),
  },
  {
    ...COMMON, slug: 'landwerk-duelmen-zentrum', owner: 'landwerk-coworking', name: 'LandWerk Dülmen Zentrum',
    description: 'Der größte Coworking-Space im Kreis: 20 Plätze, zwei Telefonboxen, Besprechungsecke und Dachterrasse.',
    street: 'Borkener Straße 40', postcode: '48249', municipality: 'Dülmen', offset: [-200, 150], capacity: 20,
    amenities: ['wifi', 'coffee', 'kitchen', 'printer', 'phone_booth', 'lockers', 'parking', 'ev_charging', 'step_free', 'accessible_toilet', 'whiteboard'],
    pricePerHourCents: 500, pricePerDayCents: 2500, opening: COWORKING_HOURS, desks: desks(20),
  },
  {
    ...COMMON, slug: 'landwerk-luedinghausen-burg', owner: 'landwerk-coworking', name: 'LandWerk Lüdinghausen an der Burg',
    description: 'Arbeiten mit Blick auf die Burg Lüdinghausen; Fahrradstellplätze für Pendler aus Seppenrade und Olfen.',
    street: 'Mühlenstraße 18', postcode: '59348', municipality: 'Lüdinghausen', offset: [150, 100], capacity: 14,
    amenities: ['wifi', 'coffee', 'kitchen', 'printer', 'bike_parking', 'step_free'], pricePerHourCents: 450, pricePerDayCents: 2200,
    opening: COWORKING_HOURS, desks: desks(14),
  },
  {
    ...COMMON, slug: 'landwerk-senden-steverpark', owner: 'landwerk-coworking', name: 'LandWerk Senden Steverpark',
    description: 'Zehn Plätze zwischen Steverpark und Rathaus, 20 Minuten nach Münster – ohne Stau.',
    street: 'Herrenstraße 5', postcode: '48308', municipality: 'Senden', offset: [-120, -60], capacity: 10,
    amenities: ['wifi', 'coffee', 'printer', 'phone_booth', 'parking'], pricePerHourCents: 400, pricePerDayCents: 2000,
    opening: COWORKING_HOURS, desks: desks(10),
  },
  {
    ...COMMON, slug: 'landwerk-olfen-marktplatz', owner: 'landwerk-coworking', name: 'LandWerk Olfen Marktplatz',
    description: 'Kleiner Space über dem Café am Markt.',
    street: 'Markt 4', postcode: '59399', municipality: 'Olfen', offset: [40, 30], capacity: 6,
    amenities: ['wifi', 'coffee', 'bike_parking'], pricePerHourCents: 300, pricePerDayCents: 1500,
    opening: SMALL_COWORKING_HOURS, desks: desks(6),
  },
  {
    ...COMMON, slug: 'landwerk-ascheberg-herbern', owner: 'landwerk-coworking', name: 'LandWerk Herbern',
    description: 'Acht Plätze im Ortsteil Herbern mit guter Anbindung an die A1.',
    street: 'Südstraße 11', postcode: '59387', municipality: 'Ascheberg', offset: [2200, -5800], capacity: 8,
    amenities: ['wifi', 'coffee', 'parking', 'ev_charging', 'step_free'], pricePerHourCents: 350, pricePerDayCents: 1700,
    opening: COWORKING_HOURS, desks: desks(8),
  },
  {
    ...COMMON, slug: 'nordkirchen-alter-bahnhof', owner: 'gemeinde-nordkirchen', name: 'Coworking im Alten Bahnhof Nordkirchen',
    description: 'Von der Gemeinde betriebene Arbeitsplätze im sanierten Bahnhofsgebäude.',
    street: 'Bahnhofstraße 2', postcode: '59394', municipality: 'Nordkirchen', offset: [-300, 200], capacity: 6,
    amenities: ['wifi', 'kitchen', 'parking', 'step_free', 'accessible_toilet'], pricePerHourCents: 200, pricePerDayCents: 1000,
    opening: SMALL_COWORKING_HOURS, desks: desks(6),
  },
  {
    ...COMMON, slug: 'duelmen-stadtbibliothek-arbeitsplaetze', owner: 'stadt-duelmen', name: 'Arbeitsplätze in der Stadtbücherei Dülmen',
    description: 'Fünf buchbare Arbeitsplätze im Lesesaal, ruhig und barrierefrei.',
    street: 'Overbergplatz 3', postcode: '48249', municipality: 'Dülmen', offset: [80, -40], capacity: 5,
    amenities: ['wifi', 'printer', 'step_free', 'accessible_toilet'], pricePerHourCents: 150, pricePerDayCents: 800,
    opening: [{ weekdays: [2, 3, 4, 5], opens: '10:00', closes: '18:00' }, { weekdays: [6], opens: '10:00', closes: '13:00' }],
    desks: desks(5),
  },
  {
    ...COMMON, slug: 'coworking-appelhuelsen', owner: 'coworking-baumberge', name: 'Coworking Appelhülsen am Bahnhof',
    description: 'Vier Plätze direkt am Haltepunkt der RB 63.',
    street: 'Bahnhofstraße 1', postcode: '48301', municipality: 'Nottuln', offset: [4200, -3900], capacity: 4,
    amenities: ['wifi', 'coffee', 'bike_parking'], pricePerHourCents: 250, pricePerDayCents: 1200,
    opening: SMALL_COWORKING_HOURS, desks: desks(4),
  },
];
