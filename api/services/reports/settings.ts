/**
 * The coalition's grant-report setting: whether confidential (exact) reports may be made at all. On
 * unless an admin switches it off; every change is audited. No HTTP here.
 */
import type { Db } from '../../db';
import { forbidden } from '../../errors';
import { canChangeReportSettings } from '../../permissions';
import { recordAudit } from '../../queries/audit';
import { getConfidentialReportsSetting, setConfidentialReportsSetting } from '../../queries/reports';
import type { User } from '../../queries/users';

export type ReportSettings = { confidentialReports: boolean };

/** The setting in force: confidential reports are allowed unless an admin has switched them off. */
export function reportSettings(db: Db): ReportSettings {
  return { confidentialReports: getConfidentialReportsSetting(db) !== 'false' };
}

/** An admin switches confidential reports on or off; audited with the new value. */
export function changeReportSettings(db: Db, user: User, change: ReportSettings, now: Date): ReportSettings {
  if (!canChangeReportSettings(user))
    throw forbidden('Only coalition admins change whether confidential reports can be made.');
  return db.transaction(() => {
    setConfidentialReportsSetting(db, String(change.confidentialReports));
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'change-report-settings',
      entityType: 'settings',
      details: { confidentialReports: change.confidentialReports },
    });
    return reportSettings(db);
  })();
}
