import { EnvError } from "../lib/env";
import { StartupError } from "../lib/database/embedded/errors";

/** Runs a command-line script; expected failures print one line, not a stack trace. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof EnvError || error instanceof StartupError || (error instanceof Error && !error.stack?.includes("\n    at "))) {
      console.error(`candor: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
