/**
 * What the signed-in account may do with an organisation, so pages show only the forms that can
 * succeed (the API decides anyway): its memberships (GET /api/community/me) and whether it is one
 * of the city's community editors, who may do everything an owner may.
 */
import { useApi } from '../../../lib/useApi';
import { useCanWrite } from '../../staff/shared/useCanWrite';
import type { Me, MemberRole } from './types';

export function useRepresentation() {
  const me = useApi<Me>('/api/community/me');
  const cityEditor = useCanWrite('community');
  const roleIn = (organisationId: number): MemberRole | undefined =>
    me.data?.memberships.find((m) => m.organisation.id === organisationId)?.role;
  return { me, cityEditor, roleIn };
}
