// Every migration, keyed by its file name `YYYYMMDDHHMM_name`; Kysely runs them in name order.
// A new migration is a new file here plus one line below.
import type { Migration } from 'kysely';
import * as m202611280100 from './202611280100_catalogue.ts';
import * as m202611280200 from './202611280200_accounts.ts';
import * as m202611280300 from './202611280300_monitoring.ts';
import * as m202611280400 from './202611280400_tasks.ts';
import * as m202611280500 from './202611280500_collection.ts';
import * as m202611280600 from './202611280600_evaluation.ts';
import * as m202611280700 from './202611280700_workflow.ts';
import * as m202611280800 from './202611280800_coordination.ts';
import * as m202611280900 from './202611280900_history_ledger.ts';
import * as m202611281000 from './202611281000_stored_file_compression.ts';
import * as m202611281100 from './202611281100_value_key_order.ts';
import * as m202611281200 from './202611281200_stored_file_encoding.ts';

export const migrations: Record<string, Migration> = {
  '202611280100_catalogue': m202611280100,
  '202611280200_accounts': m202611280200,
  '202611280300_monitoring': m202611280300,
  '202611280400_tasks': m202611280400,
  '202611280500_collection': m202611280500,
  '202611280600_evaluation': m202611280600,
  '202611280700_workflow': m202611280700,
  '202611280800_coordination': m202611280800,
  '202611280900_history_ledger': m202611280900,
  '202611281000_stored_file_compression': m202611281000,
  '202611281100_value_key_order': m202611281100,
  '202611281200_stored_file_encoding': m202611281200,
};
