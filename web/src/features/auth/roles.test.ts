import { expect, test } from 'vitest';
import type { Role } from '../../api/types';
import { roleLabel } from './roles';

test.each<{ role: Role; label: string }>([
  { role: 'admin', label: 'Coalition admin' },
  { role: 'reporter', label: 'Agency reporter' },
  { role: 'viewer', label: 'Workgroup member (read-only)' },
])('$role is shown as "$label"', ({ role, label }) => {
  expect(roleLabel(role)).toBe(label);
});
