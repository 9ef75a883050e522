/** Fuzzes the 'staff' group of channels (groups.ts) through the real router; see run.ts for replaying a failure. */
import { fuzzGroups } from './groups';
import { fuzzChannels } from './run';

fuzzChannels('staff', fuzzGroups.staff);
