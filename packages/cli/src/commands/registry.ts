// One list of every command; each feature appends its registration here.
import type { Command } from 'commander';
import type { Lang } from '../lang.ts';
import { registerServe } from './serve.ts';
import { registerMigrate } from './migrate.ts';
import { registerSeed } from './seed.ts';
import { registerCatalog } from './catalog.ts';
import { registerIndex } from './index-command.ts';
import { registerUncertainty } from './uncertainty.ts';
import { registerProgress } from './progress.ts';
import { registerMonitor } from './monitor.ts';
import { registerUsers } from './users.ts';
import { registerTasks } from './tasks.ts';
import { registerImport } from './import.ts';
import { registerExport } from './export.ts';
import { registerTemplate } from './template.ts';
import { registerSubmissions } from './submissions.ts';

export type RegisterCommand = (program: Command, lang: Lang) => void;

export const commandRegistry: RegisterCommand[] = [
  registerServe,
  registerMigrate,
  registerSeed,
  registerCatalog,
  registerIndex,
  registerUncertainty,
  registerProgress,
  registerUsers,
  registerMonitor,
  registerTasks,
  registerImport,
  registerExport,
  registerTemplate,
  registerSubmissions,
];
