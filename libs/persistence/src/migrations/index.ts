import { Identity1764000000000 } from './1764000000000-identity';

/** Every migration, oldest first. Add new ones at the end; never edit a released one. */
export const MIGRATIONS = [Identity1764000000000];
