import type { SignInAttempts } from './auth/attempts';
import type { Config } from './config';
import type { Db } from './db';
import type { User } from './queries/users';

/** What every request handler can reach through `c.var`. */
export type AppEnv = {
  Variables: {
    db: Db;
    config: Config;
    signInAttempts: SignInAttempts;
    /** The current time; tests fix it so deadlines and lateness don't depend on the day they run. */
    now: () => Date;
    /** The signed-in user, or null when signed out. */
    user: User | null;
  };
};
