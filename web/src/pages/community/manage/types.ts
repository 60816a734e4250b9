/** Shapes of the community API's answers for representatives (src/modules/community/README.md). */
import type { Organisation } from '../types';

export type MemberRole = 'owner' | 'editor';

/** GET /api/community/me */
export interface Me {
  account: { id: number; email: string; staff: boolean };
  memberships: { organisation: { id: number; slug: string; name: string; verified: boolean }; role: MemberRole }[];
}

/** An organisation as its members and staff see it. */
export interface ManagedOrganisation extends Organisation {
  internalContact?: { name?: string; email?: string; phone?: string };
}

/** GET /api/community/organisations/:id/members */
export interface Members {
  members: { userId: number; email: string; displayName: string; role: MemberRole; since: string }[];
  invitations: { id: number; email: string; role: MemberRole; expiresAt: string }[];
}

export type NoticeKind = 'request' | 'offer';

export interface Notice {
  id: number;
  organisation: { id: number; slug: string; name: string };
  kind: NoticeKind;
  title: string;
  body: string;
  contact: string;
  expiresOn: string | null;
  createdAt: string;
  updatedAt: string;
}
