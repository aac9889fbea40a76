import type { Role } from '../../api/types';

const roleLabels: Record<Role, string> = {
  admin: 'Coalition admin',
  reporter: 'Agency reporter',
  viewer: 'Workgroup member (read-only)',
};

/** The role as the coalition says it, for the header and anywhere else a person's role is shown. */
export function roleLabel(role: Role): string {
  return roleLabels[role];
}
