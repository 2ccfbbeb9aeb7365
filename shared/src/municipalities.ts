/** The eleven towns of Kreis Coesfeld: the reference region. Coordinates are the town centres. */
export const MUNICIPALITIES = [
  { name: 'Ascheberg', postcode: '59387', lat: 51.7886, lon: 7.6197 },
  { name: 'Billerbeck', postcode: '48727', lat: 51.9781, lon: 7.2953 },
  { name: 'Coesfeld', postcode: '48653', lat: 51.9459, lon: 7.1675 },
  { name: 'Dülmen', postcode: '48249', lat: 51.8306, lon: 7.2808 },
  { name: 'Havixbeck', postcode: '48329', lat: 51.9780, lon: 7.4160 },
  { name: 'Lüdinghausen', postcode: '59348', lat: 51.7683, lon: 7.4436 },
  { name: 'Nordkirchen', postcode: '59394', lat: 51.7383, lon: 7.5258 },
  { name: 'Nottuln', postcode: '48301', lat: 51.9275, lon: 7.3536 },
  { name: 'Olfen', postcode: '59399', lat: 51.7086, lon: 7.3806 },
  { name: 'Rosendahl', postcode: '48720', lat: 52.0330, lon: 7.2170 },
  { name: 'Senden', postcode: '48308', lat: 51.8572, lon: 7.4833 },
] as const;

export type MunicipalityName = (typeof MUNICIPALITIES)[number]['name'];

export const MUNICIPALITY_NAMES = MUNICIPALITIES.map((m) => m.name) as [MunicipalityName, ...MunicipalityName[]];
