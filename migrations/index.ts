import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Accounts1764000001000 } from './1764000001000-Accounts';
import { Bookings1764000002000 } from './1764000002000-Bookings';
import { Series1764000004000 } from './1764000004000-Series';
import { SearchIndexes1764000005000 } from './1764000005000-SearchIndexes';
import { Outbox1764000006000 } from './1764000006000-Outbox';
import { Notifications1764000007000 } from './1764000007000-Notifications';
import { Contracts1764000008000 } from './1764000008000-Contracts';
import { Demand1764000009000 } from './1764000009000-Demand';
import { Admission1764000010000 } from './1764000010000-Admission';
import { CheckIn1764000011000 } from './1764000011000-CheckIn';
import { Access1764000012000 } from './1764000012000-Access';
import { Webhooks1764000013000 } from './1764000013000-Webhooks';
import { NearestSpaces1764000014000 } from './1764000014000-NearestSpaces';
import { ClaimPeriodSpGist1764000015000 } from './1764000015000-ClaimPeriodSpGist';
import { SpaceCalendarVersions1764000016000 } from './1764000016000-SpaceCalendarVersions';
import { CandidatesFromIndex1764000017000 } from './1764000017000-CandidatesFromIndex';
import { AuditFreeText1764000018000 } from './1764000018000-AuditFreeText';
import { LockGrantPerCode1764000019000 } from './1764000019000-LockGrantPerCode';
import { NewsletterConfirmation1764000020000 } from './1764000020000-NewsletterConfirmation';

/** Every migration, oldest first. TypeORM runs the ones the database has not seen yet. */
export const migrations = [
  Foundation1764000000000, Accounts1764000001000, Bookings1764000002000, Series1764000004000, SearchIndexes1764000005000, Outbox1764000006000,
  Notifications1764000007000, Contracts1764000008000, Demand1764000009000, Admission1764000010000, CheckIn1764000011000, Access1764000012000, Webhooks1764000013000,
  NearestSpaces1764000014000, ClaimPeriodSpGist1764000015000, SpaceCalendarVersions1764000016000, CandidatesFromIndex1764000017000,
  AuditFreeText1764000018000, LockGrantPerCode1764000019000, NewsletterConfirmation1764000020000,
];
