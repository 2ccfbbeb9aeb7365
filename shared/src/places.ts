/**
 * Villages (Ortsteile) of the district with approximate centres. A postcode stands for a whole
 * town, but most towns already have a coworking space near their centre; whether a new one pays
 * off is decided in the villages around it, so the survey asks for the village too.
 */
export const PLACES = [
  { key: 'ascheberg', municipality: 'Ascheberg', name: 'Ascheberg', lat: 51.7886, lon: 7.6197 },
  { key: 'ascheberg-herbern', municipality: 'Ascheberg', name: 'Herbern', lat: 51.7427, lon: 7.644 },
  { key: 'ascheberg-davensberg', municipality: 'Ascheberg', name: 'Davensberg', lat: 51.8203, lon: 7.5886 },
  { key: 'billerbeck', municipality: 'Billerbeck', name: 'Billerbeck', lat: 51.9781, lon: 7.2953 },
  { key: 'coesfeld', municipality: 'Coesfeld', name: 'Coesfeld', lat: 51.9459, lon: 7.1675 },
  { key: 'coesfeld-lette', municipality: 'Coesfeld', name: 'Lette', lat: 51.8986, lon: 7.1917 },
  { key: 'duelmen', municipality: 'Dülmen', name: 'Dülmen', lat: 51.8306, lon: 7.2808 },
  { key: 'duelmen-buldern', municipality: 'Dülmen', name: 'Buldern', lat: 51.8667, lon: 7.3667 },
  { key: 'duelmen-hiddingsel', municipality: 'Dülmen', name: 'Hiddingsel', lat: 51.85, lon: 7.3833 },
  { key: 'duelmen-merfeld', municipality: 'Dülmen', name: 'Merfeld', lat: 51.8461, lon: 7.1958 },
  { key: 'duelmen-rorup', municipality: 'Dülmen', name: 'Rorup', lat: 51.8731, lon: 7.2017 },
  { key: 'havixbeck', municipality: 'Havixbeck', name: 'Havixbeck', lat: 51.978, lon: 7.416 },
  { key: 'havixbeck-hohenholte', municipality: 'Havixbeck', name: 'Hohenholte', lat: 51.9667, lon: 7.4667 },
  { key: 'luedinghausen', municipality: 'Lüdinghausen', name: 'Lüdinghausen', lat: 51.7683, lon: 7.4436 },
  { key: 'luedinghausen-seppenrade', municipality: 'Lüdinghausen', name: 'Seppenrade', lat: 51.7625, lon: 7.3953 },
  { key: 'nordkirchen', municipality: 'Nordkirchen', name: 'Nordkirchen', lat: 51.7383, lon: 7.5258 },
  { key: 'nordkirchen-suedkirchen', municipality: 'Nordkirchen', name: 'Südkirchen', lat: 51.709, lon: 7.569 },
  { key: 'nordkirchen-capelle', municipality: 'Nordkirchen', name: 'Capelle', lat: 51.73, lon: 7.58 },
  { key: 'nottuln', municipality: 'Nottuln', name: 'Nottuln', lat: 51.9275, lon: 7.3536 },
  { key: 'nottuln-appelhuelsen', municipality: 'Nottuln', name: 'Appelhülsen', lat: 51.9167, lon: 7.4333 },
  { key: 'nottuln-darup', municipality: 'Nottuln', name: 'Darup', lat: 51.944, lon: 7.307 },
  { key: 'nottuln-schapdetten', municipality: 'Nottuln', name: 'Schapdetten', lat: 51.9342, lon: 7.4053 },
  { key: 'olfen', municipality: 'Olfen', name: 'Olfen', lat: 51.7086, lon: 7.3806 },
  { key: 'olfen-vinnum', municipality: 'Olfen', name: 'Vinnum', lat: 51.69, lon: 7.405 },
  { key: 'rosendahl-osterwick', municipality: 'Rosendahl', name: 'Osterwick', lat: 52.034, lon: 7.207 },
  { key: 'rosendahl-darfeld', municipality: 'Rosendahl', name: 'Darfeld', lat: 52.027, lon: 7.286 },
  { key: 'rosendahl-holtwick', municipality: 'Rosendahl', name: 'Holtwick', lat: 52.025, lon: 7.13 },
  { key: 'senden', municipality: 'Senden', name: 'Senden', lat: 51.8572, lon: 7.4833 },
  { key: 'senden-boesensell', municipality: 'Senden', name: 'Bösensell', lat: 51.887, lon: 7.532 },
  { key: 'senden-ottmarsbocholt', municipality: 'Senden', name: 'Ottmarsbocholt', lat: 51.826, lon: 7.559 },
] as const;

export type Place = (typeof PLACES)[number];
