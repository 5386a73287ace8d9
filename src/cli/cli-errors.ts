import { Command, CommanderError } from "commander";
import { createWorkingDayCalendar, type WorkingDayCalendar } from "../domain/calendar/working-day-calendar";
import { DomainError } from "../domain/shared/domain-error";
import { type IsoDate, parseIsoDate } from "../domain/shared/iso-date";

/*
 * The CLI's contract with shells and scripts: success exits 0 with only the answer on
 * stdout; bad input exits 2 with ONE line "convene: <problem>" on stderr (easy to grep,
 * never a wall of help); anything unexpected exits 1. runCli never calls process.exit,
 * so tests drive the real program and read {code, stdout, stderr}.
 */

/** Exit code for bad input (unknown rule or command, malformed date, missing argument). */
export const EXIT_USAGE = 2;
/** Exit code for a fault that is not the user's. */
export const EXIT_INTERNAL = 1;

/** Bad input detected by a command; runCli prints its message as the one error line. */
export class CliUsageError extends Error {
  /** Stable code, matching DomainError's shape so callers can switch on it. */
  readonly code = "CLI_USAGE";
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}

/** A command's own failure with a chosen exit code; its message is printed as one line. */
export class CliFailure extends Error {
  constructor(
    message: string,
    /** Process exit code. */
    public readonly exitCode = EXIT_INTERNAL,
  ) {
    super(message);
    this.name = "CliFailure";
  }
}

/** What a command may use besides its arguments: env and an output sink. */
export interface CliContext {
  /** Environment variables (process.env in production, a plain object in tests). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Writes one line of the command's answer to stdout. */
  out(line: string): void;
  /** Writes one line of progress to stderr, keeping stdout for the answer alone (e.g. a CSV). */
  err?(line: string): void;
}

/** A command module's entry point, e.g. `register` from due.command.ts. */
export type CommandRegistrar = (program: Command) => void;

/** Inputs for {@link runCli}. */
export interface CliDeps {
  /** The commands to offer. */
  readonly commands: readonly CommandRegistrar[];
  /** Environment; defaults to empty so tests are hermetic. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Writes output as it happens (the real binary), so a long run's CSV streams and its progress
   * shows; without it, output is collected and returned (tests).
   */
  readonly live?: { stdout(s: string): void; stderr(s: string): void };
}

/** What a run produced, instead of exiting. */
export interface CliResult {
  /** Process exit code: 0, EXIT_USAGE or EXIT_INTERNAL. */
  code: number;
  /** Everything written to stdout. */
  stdout: string;
  /** Everything written to stderr. */
  stderr: string;
}

// Commands only receive the commander object; the context rides on the root program.
const contexts = new WeakMap<Command, CliContext>();

/** The context of the run a command belongs to. */
export function cliContext(cmd: Command): CliContext {
  let root = cmd;
  while (root.parent) root = root.parent;
  const ctx = contexts.get(root);
  if (!ctx) throw new Error("command is not running under runCli");
  return ctx;
}

/** Parses a date argument, naming the argument in the one-line error. */
export function cliDate(value: string, what: string): IsoDate {
  try {
    return parseIsoDate(value);
  } catch (e) {
    if (e instanceof DomainError) throw new CliUsageError(`${what}: ${e.message}`);
    throw e;
  }
}

/**
 * The working-day calendar for a command: bank holidays plus local closure days from
 * CONVENE_CLOSURE_DAYS (comma-separated) and the --closure-days flag, combined. Env is
 * read here, in the CLI layer, never in the domain.
 */
export function cliCalendar(cmd: Command, closureDaysFlag: string | undefined): WorkingDayCalendar {
  const fromEnv = splitList(cliContext(cmd).env["CONVENE_CLOSURE_DAYS"]).map((d) => cliDate(d, "CONVENE_CLOSURE_DAYS"));
  const fromFlag = splitList(closureDaysFlag).map((d) => cliDate(d, "--closure-days"));
  return createWorkingDayCalendar({ closureDays: [...fromEnv, ...fromFlag] });
}

function splitList(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function oneLine(message: string): string {
  return message
    .replace(/^error: /, "")
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .join(" ");
}

/** Builds a fresh program: commander objects hold parse state, so one per run. */
function createProgram(deps: CliDeps, sink: { out: { push(s: string): unknown }; err: { push(s: string): unknown } }): Command {
  const program = new Command("convene")
    .description("Convene: statutory timescales and nudges for child protection work in England")
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => sink.out.push(s),
      // Help shown because of an error (e.g. no subcommand) is replaced by one line.
      writeErr: () => undefined,
      outputError: () => undefined,
    });
  contexts.set(program, { env: deps.env ?? {}, out: (line) => sink.out.push(`${line}\n`), err: (line) => sink.err.push(`${line}\n`) });
  for (const register of deps.commands) register(program);
  return program;
}

/** Runs the CLI on user arguments (argv without node and script); never exits the process. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<CliResult> {
  const collected = { out: [] as string[], err: [] as string[] };
  const sink = deps.live
    ? { out: { push: (s: string) => deps.live!.stdout(s) }, err: { push: (s: string) => deps.live!.stderr(s) } }
    : collected;
  const program = createProgram(deps, sink);
  let code = 0;
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    const { exitCode, line } = describeFailure(e);
    code = exitCode;
    if (line !== null) sink.err.push(`convene: ${line}\n`);
  }
  return { code, stdout: collected.out.join(""), stderr: collected.err.join("") };
}

function describeFailure(e: unknown): { exitCode: number; line: string | null } {
  if (e instanceof CommanderError) {
    if (e.exitCode === 0) return { exitCode: 0, line: null }; // --help, --version
    if (e.code === "commander.help") return { exitCode: EXIT_USAGE, line: "missing command; try --help" };
    return { exitCode: EXIT_USAGE, line: oneLine(e.message) };
  }
  if (e instanceof CliUsageError || e instanceof DomainError) return { exitCode: EXIT_USAGE, line: oneLine(e.message) };
  // A command that finished its report but must fail (e.g. audit verify on a broken chain).
  if (e instanceof CliFailure) return { exitCode: e.exitCode, line: oneLine(e.message) };
  const message = e instanceof Error ? e.message : String(e);
  return { exitCode: EXIT_INTERNAL, line: `unexpected error: ${oneLine(message)}` };
}
