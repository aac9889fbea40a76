/** Names for what the agencies page reads and sends, from the server's own route types. */
import type { AgencyType } from '../../../../api/domain/agencyTypes';
import type { AnswerOf, Api } from '../../api/client';

/** An agency as an admin sees it. */
export type AgencyRow = AnswerOf<Api['agencies']['$post']>['agency'];

/** What an admin gets: every agency, the coalition's counties, the quarters an agency may start in. */
export type AgencyDirectory = {
  agencies: AgencyRow[];
  counties: Array<{ code: string; name: string }>;
  quarters: string[];
};

/** What the add and edit forms send. */
export type AgencyFields = {
  name: string;
  code?: string;
  type: AgencyType;
  homeCounty: string;
  countiesServed: string[];
  firstPeriod: string | null;
};
