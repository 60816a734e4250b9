/**
 * Whether the signed-in person may change data of a module: admins always, editors with the module
 * in their scope. The API checks the same rule; the pages use it only to hide forms that would fail.
 */
import { useSession } from '../../../auth/SessionContext';

/** The `module` of what only administrators may change: no editor scope can name it. */
export const ADMINS_ONLY = '@admins';

export function useCanWrite(module: string): boolean {
  const { session } = useSession();
  const user = session?.user;
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'editor' && user.modules.includes(module));
}
