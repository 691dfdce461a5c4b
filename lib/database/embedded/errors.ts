/**
 * A start-up problem with a message that tells the person at the terminal what
 * is wrong and what to do. Printed as is, without a stack trace.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}
