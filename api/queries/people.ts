import { type Db, statement } from '../db';
import type { Role } from './users';

/** A person as the people page lists them: who, with what access, and how they sign in. */
export type Person = {
  id: number;
  name: string;
  email: string;
  role: Role;
  agency: { code: string; name: string } | null;
  active: boolean;
  twoFactor: boolean;
  /** Their last successful sign-in, from the audit log; null if they never signed in. */
  lastSignInAt: string | null;
  createdAt: string;
};

type PersonRow = Omit<Person, 'agency' | 'active' | 'twoFactor'> & {
  agencyCode: string | null;
  agencyName: string | null;
  active: number;
  twoFactor: number;
};

const personColumns = `u.id, u.name, u.email, u.role, a.code AS agencyCode, a.name AS agencyName,
  u.active, u.totp_enabled_at IS NOT NULL AS twoFactor, u.created_at AS createdAt,
  (SELECT max(l.at) FROM audit_log l WHERE l.user_id = u.id AND l.action = 'sign-in') AS lastSignInAt`;
const personTables = 'users u LEFT JOIN org_units a ON a.id = u.agency_id';

const toPerson = ({ agencyCode, agencyName, active, twoFactor, ...row }: PersonRow): Person => ({
  ...row,
  agency: agencyCode === null ? null : { code: agencyCode, name: agencyName as string },
  active: active === 1,
  twoFactor: twoFactor === 1,
});

/** Everyone with an account, active first, then by name. */
export function listPeople(db: Db): Person[] {
  return (
    statement(
      db,
      `SELECT ${personColumns} FROM ${personTables} ORDER BY u.active DESC, u.name COLLATE NOCASE, u.id`,
    ).all() as PersonRow[]
  ).map(toPerson);
}

export function getPerson(db: Db, id: number): Person | undefined {
  const row = statement(db, `SELECT ${personColumns} FROM ${personTables} WHERE u.id = ?`).get(id) as
    | PersonRow
    | undefined;
  return row && toPerson(row);
}

/** The account with this email (any letter case), active or not. */
export function getPersonByEmail(db: Db, email: string): Person | undefined {
  const row = statement(db, `SELECT ${personColumns} FROM ${personTables} WHERE u.email = ?`).get(email) as
    | PersonRow
    | undefined;
  return row && toPerson(row);
}

export function countActiveAdmins(db: Db): number {
  return statement(db, `SELECT count(*) FROM users WHERE role = 'admin' AND active = 1`)
    .pluck()
    .get() as number;
}

/** Adds a person who accepted an invitation, at the app's time; returns the id. The password is hashed. */
export function insertInvitedPerson(
  db: Db,
  person: {
    email: string;
    name: string;
    passwordHash: string;
    role: Role;
    agencyId: number | null;
    at: string;
  },
): number {
  return Number(
    statement(
      db,
      `INSERT INTO users (email, name, password_hash, role, agency_id, created_at, password_changed_at)
       VALUES (@email, @name, @passwordHash, @role, @agencyId, @at, @at)`,
    ).run(person).lastInsertRowid,
  );
}

/** Replaces a person's password hash and records when. */
export function setPasswordHash(db: Db, userId: number, passwordHash: string, at: string): void {
  statement(db, 'UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(
    passwordHash,
    at,
    userId,
  );
}
