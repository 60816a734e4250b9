import { useTranslation } from 'react-i18next';
import type { Role } from '../../../api/types';
import { EDITABLE_MODULES } from '../../../config/modules';
import { Field } from '../../../components/Field';

const ROLES: Role[] = ['admin', 'editor', 'viewer'];

interface Props {
  idPrefix: string;
  role: Role;
  modules: string[];
  onRole: (role: Role) => void;
  onModules: (modules: string[]) => void;
  errors: Record<string, string>;
}

/** Role select plus module checkboxes; modules only matter for editors, so they only show then. */
export function RoleAndModules({ idPrefix, role, modules, onRole, onModules, errors }: Props) {
  const { t } = useTranslation();
  // Offer modules a user already has even if this build does not know them yet.
  const options = [...new Set<string>([...EDITABLE_MODULES, ...modules])];

  function toggle(module: string, checked: boolean) {
    onModules(checked ? [...modules, module] : modules.filter((m) => m !== module));
  }

  const modulesError = errors['modules'];
  return (
    <>
      <Field id={`${idPrefix}-role`} label={t('staff.users.role')} hint={t('staff.users.roleHint')} error={errors['role']}>
        {(p) => (
          <select {...p} name="role" value={role} onChange={(e) => onRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === 'editor' ? (
        <fieldset className="checkbox-group" aria-describedby={modulesError ? `${idPrefix}-modules-error` : undefined}>
          <legend>{t('staff.users.modules')}</legend>
          {modulesError ? (
            <p id={`${idPrefix}-modules-error`} className="field__error">
              {modulesError}
            </p>
          ) : null}
          {options.map((m) => (
            <label key={m} className="checkbox">
              <input
                type="checkbox"
                name="modules"
                value={m}
                checked={modules.includes(m)}
                onChange={(e) => toggle(m, e.target.checked)}
              />
              {t(`modules.${m}`, { defaultValue: m })}
            </label>
          ))}
        </fieldset>
      ) : null}
    </>
  );
}
