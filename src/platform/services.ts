import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Clock } from './clock.ts';
import type { Db, Dialect } from './db/db.ts';

/** What every part of the app is given: no globals, no DI framework. */
export interface Services {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  log: Logger;
}
