/**
 * The survey's first questions, as they were when the survey opened. Frozen history: later
 * changes are made by platform admins in the app, never by editing this list.
 */
interface InitialQuestion {
  key: string;
  type: 'single_choice' | 'multiple_choice' | 'number' | 'postcode';
  label: { de: string; en: string };
  required: boolean;
  options: { key: string; label: { de: string; en: string } }[];
  min?: number;
  max?: number;
  regionOnly?: boolean;
}

const o = (key: string, de: string, en: string) => ({ key, label: { de, en } });

export const INITIAL_SURVEY_QUESTIONS: InitialQuestion[] = [
  { key: 'home_postcode', type: 'postcode', required: true, regionOnly: true, options: [], label: { de: 'Postleitzahl Ihres Wohnorts', en: 'Postcode where you live' } },
  {
    key: 'home_place',
    type: 'single_choice',
    required: false,
    label: { de: 'Ortsteil, in dem Sie wohnen', en: 'Village or part of town where you live' },
    options: [
      { key: 'ascheberg', label: { de: 'Ascheberg', en: 'Ascheberg' } },
      { key: 'ascheberg-herbern', label: { de: 'Herbern (Ascheberg)', en: 'Herbern (Ascheberg)' } },
      { key: 'ascheberg-davensberg', label: { de: 'Davensberg (Ascheberg)', en: 'Davensberg (Ascheberg)' } },
      { key: 'billerbeck', label: { de: 'Billerbeck', en: 'Billerbeck' } },
      { key: 'coesfeld', label: { de: 'Coesfeld', en: 'Coesfeld' } },
      { key: 'coesfeld-lette', label: { de: 'Lette (Coesfeld)', en: 'Lette (Coesfeld)' } },
      { key: 'duelmen', label: { de: 'Dülmen', en: 'Dülmen' } },
      { key: 'duelmen-buldern', label: { de: 'Buldern (Dülmen)', en: 'Buldern (Dülmen)' } },
      { key: 'duelmen-hiddingsel', label: { de: 'Hiddingsel (Dülmen)', en: 'Hiddingsel (Dülmen)' } },
      { key: 'duelmen-merfeld', label: { de: 'Merfeld (Dülmen)', en: 'Merfeld (Dülmen)' } },
      { key: 'duelmen-rorup', label: { de: 'Rorup (Dülmen)', en: 'Rorup (Dülmen)' } },
      { key: 'havixbeck', label: { de: 'Havixbeck', en: 'Havixbeck' } },
      { key: 'havixbeck-hohenholte', label: { de: 'Hohenholte (Havixbeck)', en: 'Hohenholte (Havixbeck)' } },
      { key: 'luedinghausen', label: { de: 'Lüdinghausen', en: 'Lüdinghausen' } },
      { key: 'luedinghausen-seppenrade', label: { de: 'Seppenrade (Lüdinghausen)', en: 'Seppenrade (Lüdinghausen)' } },
      { key: 'nordkirchen', label: { de: 'Nordkirchen', en: 'Nordkirchen' } },
      { key: 'nordkirchen-suedkirchen', label: { de: 'Südkirchen (Nordkirchen)', en: 'Südkirchen (Nordkirchen)' } },
      { key: 'nordkirchen-capelle', label: { de: 'Capelle (Nordkirchen)', en: 'Capelle (Nordkirchen)' } },
      { key: 'nottuln', label: { de: 'Nottuln', en: 'Nottuln' } },
      { key: 'nottuln-appelhuelsen', label: { de: 'Appelhülsen (Nottuln)', en: 'Appelhülsen (Nottuln)' } },
      { key: 'nottuln-darup', label: { de: 'Darup (Nottuln)', en: 'Darup (Nottuln)' } },
      { key: 'nottuln-schapdetten', label: { de: 'Schapdetten (Nottuln)', en: 'Schapdetten (Nottuln)' } },
      { key: 'olfen', label: { de: 'Olfen', en: 'Olfen' } },
      { key: 'olfen-vinnum', label: { de: 'Vinnum (Olfen)', en: 'Vinnum (Olfen)' } },
      { key: 'rosendahl-osterwick', label: { de: 'Osterwick (Rosendahl)', en: 'Osterwick (Rosendahl)' } },
      { key: 'rosendahl-darfeld', label: { de: 'Darfeld (Rosendahl)', en: 'Darfeld (Rosendahl)' } },
      { key: 'rosendahl-holtwick', label: { de: 'Holtwick (Rosendahl)', en: 'Holtwick (Rosendahl)' } },
      { key: 'senden', label: { de: 'Senden', en: 'Senden' } },
      { key: 'senden-boesensell', label: { de: 'Bösensell (Senden)', en: 'Bösensell (Senden)' } },
      { key: 'senden-ottmarsbocholt', label: { de: 'Ottmarsbocholt (Senden)', en: 'Ottmarsbocholt (Senden)' } },
    ],
  },
  { key: 'work_postcode', type: 'postcode', required: false, options: [], label: { de: 'Postleitzahl Ihres Arbeitsorts (auch außerhalb des Kreises, z. B. 48143 für Münster)', en: 'Postcode where you work (also outside the district, e.g. 48143 for Münster)' } },
  {
    key: 'commute_mode',
    type: 'single_choice',
    required: true,
    label: { de: 'Wie kommen Sie meistens zur Arbeit?', en: 'How do you usually get to work?' },
    options: [o('car', 'Auto', 'Car'), o('carpool', 'Fahrgemeinschaft', 'Car pool'), o('train_bus', 'Bahn oder Bus', 'Train or bus'), o('bike', 'Fahrrad', 'Bicycle'), o('foot', 'Zu Fuß', 'On foot'), o('none', 'Ich pendle nicht', 'I do not commute')],
  },
  { key: 'commute_km', type: 'number', required: false, min: 0, max: 300, options: [], label: { de: 'Länge des einfachen Arbeitswegs in Kilometern', en: 'One-way distance to work in kilometres' } },
  { key: 'commute_days', type: 'number', required: false, min: 0, max: 7, options: [], label: { de: 'An wie vielen Tagen pro Woche pendeln Sie?', en: 'On how many days a week do you commute?' } },
  {
    key: 'mobile_work',
    type: 'single_choice',
    required: false,
    label: { de: 'Erlaubt Ihr Arbeitgeber mobiles Arbeiten?', en: 'Does your employer allow mobile work?' },
    options: [o('yes', 'Ja', 'Yes'), o('partly', 'Teilweise', 'Partly'), o('no', 'Nein', 'No'), o('unknown', 'Weiß nicht', 'Don’t know')],
  },
  { key: 'coworking_days', type: 'number', required: false, min: 0, max: 5, options: [], label: { de: 'An wie vielen Tagen pro Woche würden Sie einen Arbeitsplatz in Wohnortnähe nutzen?', en: 'On how many days a week would you use a desk near home?' } },
  {
    key: 'facilities',
    type: 'multiple_choice',
    required: false,
    label: { de: 'Was ist Ihnen an einem Coworking-Platz wichtig?', en: 'What matters to you in a coworking space?' },
    options: [o('wifi', 'Schnelles WLAN', 'Fast Wi-Fi'), o('quiet', 'Ruhige Plätze', 'Quiet desks'), o('meeting_room', 'Besprechungsraum', 'Meeting room'), o('phone_booth', 'Telefonkabine', 'Phone booth'), o('parking', 'Parkplätze', 'Parking'), o('bike_parking', 'Fahrradstellplätze', 'Bike parking'), o('coffee', 'Kaffee und Küche', 'Coffee and kitchen'), o('childcare', 'Kinderbetreuung in der Nähe', 'Childcare nearby'), o('step_free', 'Stufenloser Zugang', 'Step-free access')],
  },
  {
    key: 'club_room_kind',
    type: 'multiple_choice',
    required: false,
    label: { de: 'Welche Räume braucht Ihr Verein oder Ihre Gruppe?', en: 'Which rooms does your club or group need?' },
    options: [o('meeting', 'Besprechung oder Vorstand', 'Meetings or board'), o('sports', 'Sporthalle', 'Sports hall'), o('music', 'Proberaum für Musik', 'Music rehearsal room'), o('course', 'Kursraum', 'Course room'), o('event', 'Saal für Veranstaltungen', 'Hall for events')],
  },
  {
    key: 'club_room_size',
    type: 'single_choice',
    required: false,
    label: { de: 'Für wie viele Personen?', en: 'For how many people?' },
    options: [o('up_to_10', 'Bis 10', 'Up to 10'), o('up_to_30', 'Bis 30', 'Up to 30'), o('up_to_100', 'Bis 100', 'Up to 100'), o('over_100', 'Mehr als 100', 'More than 100')],
  },
  {
    key: 'club_room_time',
    type: 'multiple_choice',
    required: false,
    label: { de: 'Wann würden Sie den Raum nutzen?', en: 'When would you use the room?' },
    options: [o('weekday_day', 'Werktags tagsüber', 'Weekdays, daytime'), o('weekday_evening', 'Werktags abends', 'Weekday evenings'), o('weekend', 'Am Wochenende', 'Weekends')],
  },
];
