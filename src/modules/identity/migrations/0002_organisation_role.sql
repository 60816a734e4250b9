-- Representatives of clubs and cultural institutions (community module) log in like staff, with the
-- same mandatory TOTP, under a role of their own that carries no staff rights.
alter table identity_users drop constraint identity_users_role_check;
alter table identity_users add constraint identity_users_role_check check (role in ('admin', 'editor', 'viewer', 'organisation'));
