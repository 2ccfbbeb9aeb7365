import { ORGANIZATION_KINDS, SPACE_KINDS } from '@landraeume/shared';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';

/** The `<option>`s of the lists several forms choose from, named in the reader's language. */
export function SpaceKindOptions() {
  const { t } = useI18n();
  return SPACE_KINDS.map((kind) => (
    <option key={kind} value={kind}>
      {t(`kind.${kind}` as MessageKey)}
    </option>
  ));
}

export function OrganizationKindOptions() {
  const { t } = useI18n();
  return ORGANIZATION_KINDS.map((kind) => (
    <option key={kind} value={kind}>
      {t(`orgKind.${kind}` as MessageKey)}
    </option>
  ));
}

/** The organizations of the signed-in person's memberships, by id. */
export function MembershipOptions({ memberships }: { memberships: { organizationId: string; organizationName: string }[] }) {
  return memberships.map((m) => (
    <option key={m.organizationId} value={m.organizationId}>
      {m.organizationName}
    </option>
  ));
}
