import type { SeedOrganization } from '../types';

export const PLATFORM_SLUG = 'landraeume-plattform';

export const ORGANIZATIONS: SeedOrganization[] = [
  { slug: PLATFORM_SLUG, kind: 'platform', name: 'Landräume Plattformteam (Kreis Coesfeld)', street: 'Friedrich-Ebert-Straße 7', postcode: '48653', municipality: 'Coesfeld', email: 'team@landraeume.example' },

  { slug: 'gemeinde-ascheberg', kind: 'municipality', name: 'Gemeinde Ascheberg', street: 'Dieningstraße 7', postcode: '59387', municipality: 'Ascheberg' },
  { slug: 'stadt-billerbeck', kind: 'municipality', name: 'Stadt Billerbeck', street: 'Markt 1', postcode: '48727', municipality: 'Billerbeck' },
  { slug: 'stadt-coesfeld', kind: 'municipality', name: 'Stadt Coesfeld', street: 'Markt 8', postcode: '48653', municipality: 'Coesfeld' },
  { slug: 'stadt-duelmen', kind: 'municipality', name: 'Stadt Dülmen', street: 'Markt 1–3', postcode: '48249', municipality: 'Dülmen' },
  { slug: 'gemeinde-havixbeck', kind: 'municipality', name: 'Gemeinde Havixbeck', street: 'Willi-Richter-Platz 1', postcode: '48329', municipality: 'Havixbeck' },
  { slug: 'stadt-luedinghausen', kind: 'municipality', name: 'Stadt Lüdinghausen', street: 'Borg 2', postcode: '59348', municipality: 'Lüdinghausen' },
  { slug: 'gemeinde-nordkirchen', kind: 'municipality', name: 'Gemeinde Nordkirchen', street: 'Bohlenstraße 2', postcode: '59394', municipality: 'Nordkirchen' },
  { slug: 'gemeinde-nottuln', kind: 'municipality', name: 'Gemeinde Nottuln', street: 'Stiftsplatz 7/8', postcode: '48301', municipality: 'Nottuln' },
  { slug: 'stadt-olfen', kind: 'municipality', name: 'Stadt Olfen', street: 'Kirchstraße 5', postcode: '59399', municipality: 'Olfen' },
  { slug: 'gemeinde-rosendahl', kind: 'municipality', name: 'Gemeinde Rosendahl', street: 'Hauptstraße 30', postcode: '48720', municipality: 'Rosendahl' },
  { slug: 'gemeinde-senden', kind: 'municipality', name: 'Gemeinde Senden', street: 'Münsterstraße 30', postcode: '48308', municipality: 'Senden' },

  { slug: 'coworking-baumberge', kind: 'provider', name: 'Coworking Baumberge eG', street: 'Hauptstraße 12', postcode: '48301', municipality: 'Nottuln', email: 'hallo@coworking-baumberge.example' },
  { slug: 'landwerk-coworking', kind: 'provider', name: 'LandWerk Coworking GmbH', street: 'Borkener Straße 40', postcode: '48249', municipality: 'Dülmen', email: 'kontakt@landwerk.example' },

  { slug: 'berkeltal-software', kind: 'employer', name: 'Berkeltal Software GmbH', street: 'Dreischeibe 12', postcode: '48653', municipality: 'Coesfeld' },
  { slug: 'muensterland-agrartechnik', kind: 'employer', name: 'Münsterland Agrartechnik KG', street: 'Hafenweg 10', postcode: '48155', town: 'Münster' },
  { slug: 'kreisverwaltung-coesfeld', kind: 'employer', name: 'Kreisverwaltung Coesfeld', street: 'Friedrich-Ebert-Straße 7', postcode: '48653', municipality: 'Coesfeld' },
  { slug: 'kirchengemeinde-st-viktor', kind: 'provider', name: 'Kath. Kirchengemeinde St. Viktor Dülmen', street: 'Marktplatz 7', postcode: '48249', municipality: 'Dülmen' },

  { slug: 'tv-duelmen-volleyball', kind: 'club', name: 'TV Dülmen Volleyball e.V.', postcode: '48249', municipality: 'Dülmen' },
  { slug: 'musikverein-luedinghausen', kind: 'club', name: 'Musikverein Lüdinghausen 1921 e.V.', postcode: '59348', municipality: 'Lüdinghausen' },
  { slug: 'lernpaten-billerbeck', kind: 'club', name: 'Lese- und Lernpaten Billerbeck e.V.', postcode: '48727', municipality: 'Billerbeck' },
  { slug: 'theatergruppe-rosendahl', kind: 'club', name: 'Theatergruppe Rosendahl e.V.', postcode: '48720', municipality: 'Rosendahl' },
];
