// `scimon serve`: the one command that starts the server (migrates and seeds first).
import type { Command } from 'commander';
import { msg, type Lang } from '../lang.ts';
import { CliExit, EXIT_INTERNAL } from '../exit.ts';

export function registerServe(program: Command, lang: Lang): void {
  program
    .command('serve')
    .description(
      msg(
        lang,
        '迁移、载入目录数据并启动服务（PORT/HOST 可覆盖，默认 127.0.0.1:8080）',
        'migrate, seed the catalogue and serve (PORT/HOST override; default 127.0.0.1:8080)',
      ),
    )
    .option('--port <port>', msg(lang, '端口', 'port'))
    .option('--host <host>', msg(lang, '监听地址', 'host'))
    .action(async (opts: { port?: string; host?: string }) => {
      const env = {
        ...process.env,
        ...(opts.port ? { PORT: opts.port } : {}),
        ...(opts.host ? { HOST: opts.host } : {}),
      };
      // Loaded on use, so other commands start without the HTTP stack.
      const { startServer } = await import('@scimon/server/main');
      let server;
      try {
        server = await startServer(env);
      } catch (e) {
        throw new CliExit(EXIT_INTERNAL, e instanceof Error ? e.message : String(e));
      }
      process.stdout.write(
        `${msg(lang, '西部科学城建设监测评估平台已启动', 'Science City Monitor is running')}: ${server.url}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
    });
}
