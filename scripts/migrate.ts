/** `npm run migrate`: brings the configured database up to the newest schema. */
import { config } from '../api/config';
import { migrate, openDatabase } from '../api/db';

const { databasePath } = config();
const db = openDatabase(databasePath);
const applied = migrate(db);
db.close();
console.log(
  applied.length === 0
    ? `${databasePath} is already up to date.`
    : `Applied ${applied.length} migration(s) to ${databasePath}: ${applied.join(', ')}`,
);
