// The `scimon` command. Results go to stdout (or --out); progress, logs and warnings to stderr.
import { Command, CommanderError } from 'commander';
import { CliExit, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './exit.ts';
import { pickLang, msg } from './lang.ts';
import { commandRegistry } from './commands/registry.ts';

const lang = pickLang(process.argv);

const program = new Command('scimon')
  .description(msg(lang, '西部科学城建设监测评估平台命令行工具', 'Science City Monitor command line'))
  .option('--lang <lang>', msg(lang, '消息语言：zh-CN 或 en-US', 'message language: zh-CN or en-US'), 'zh-CN')
  .exitOverride()
  .showHelpAfterError()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

for (const register of commandRegistry) register(program, lang);
// Every subcommand reports usage errors through the same exit path.
for (const sub of program.commands) sub.exitOverride();

try {
  await program.parseAsync(process.argv);
  process.exitCode = process.exitCode ?? EXIT_OK;
} catch (e) {
  if (e instanceof CliExit) {
    if (e.message) process.stderr.write(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
    process.exitCode = e.exitCode;
  } else if (e instanceof CommanderError) {
    // help and version exit 0; unknown flags, missing arguments: usage (2).
    process.exitCode = e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  } else {
    process.stderr.write(
      `${msg(lang, '内部错误', 'internal error')}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = EXIT_INTERNAL;
  }
}
