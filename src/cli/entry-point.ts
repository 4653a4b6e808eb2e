/** What a command gives back when it is not run from a terminal (tests call `run` directly). */
export interface CommandOutput {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs a command as `node file.js args…` does: writes its output, sets the exit code.
 * A command may write by itself and return only its exit code. A pipe closed early
 * (`npm run mg -- … | head`) is not an error; an unexpected exception exits with 1.
 */
export function startCommand(
  command: (argv: string[]) => number | Promise<CommandOutput>,
): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  new Promise<number | CommandOutput>((resolve) =>
    resolve(command(process.argv.slice(2))),
  ).then(
    (r) => {
      if (typeof r === "number") {
        process.exitCode = r;
        return;
      }
      if (r.out) process.stdout.write(r.out);
      if (r.err) process.stderr.write(r.err);
      process.exitCode = r.code;
    },
    (e) => {
      process.stderr.write(`Erreur inattendue : ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
