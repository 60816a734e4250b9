/** The sub-pages of one back-office module as a labelled navigation with the current page marked. */
import { NavLink } from 'react-router';

export function StaffSubNav({ label, links }: { label: string; links: { to: string; text: string; end?: boolean }[] }) {
  return (
    <nav className="staff-subnav" aria-label={label}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end ?? false}>
              {l.text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
