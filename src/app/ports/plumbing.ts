/** Makes ids. Injected so tests can predict them. */
export interface IdGenerator {
  /** A new id. */
  next(): string;
}

/** Structured logging as the app needs it (pino satisfies it). Never pass case content at info level. */
export interface AppLogger {
  /** Normal operation. */
  info(obj: object, msg?: string): void;
  /** Something odd that did not stop the work. */
  warn(obj: object, msg?: string): void;
  /** A failure. */
  error(obj: object, msg?: string): void;
  /** Detail for diagnosis. */
  debug(obj: object, msg?: string): void;
}
