import { Command } from 'commander';
import { CliApp, withCliApp } from './cli-app';
import { GlobalOptions, globalOptions } from './global-options';
import { reportError } from './report-error';

export interface VerbContext<Opts> {
  app: CliApp;
  globals: GlobalOptions;
  opts: Opts;
  args: string[];
}

/**
 * Adapts a verb body to commander: boots the app, runs the body, maps errors to exit codes.
 * The body may return an exit code (e.g. `verify` returns 4 on a broken chain).
 */
export function verb<Opts>(body: (ctx: VerbContext<Opts>) => Promise<number | void>) {
  return async (...params: unknown[]): Promise<void> => {
    const cmd = params[params.length - 1] as Command;
    const opts = cmd.opts() as Opts;
    const args = params.slice(0, -2).filter((p): p is string => typeof p === 'string');
    const globals = globalOptions(cmd);
    try {
      const code = await withCliApp(globals, (app) => body({ app, globals, opts, args }));
      process.exitCode = code ?? 0;
    } catch (err) {
      process.exitCode = reportError(err, globals.json);
    }
  };
}
