import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A child started in its own process group, so stopping it stops everything it started too. */
export interface ManagedProcess {
  child: ChildProcess;
  /** Everything it printed so far (last 64 KiB), for error messages. */
  output(): string;
  /** Signals the whole group (SIGTERM unless told otherwise), SIGKILL after a grace period; resolves when it has exited. */
  stop(graceMs?: number, signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns a command detached in a new process group, keeping its stdin open and collecting its output. */
export function startProcess(command: string, args: string[], options: SpawnOptions & { echo?: boolean } = {}): ManagedProcess {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = '';
  const collect = (chunk: Buffer) => {
    buffer = (buffer + chunk.toString('utf8')).slice(-65_536);
    if (options.echo) process.stdout.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    child,
    output: () => buffer,
    stop: async (graceMs = 5000, signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      signalGroup('SIGKILL'); // grandchildren that ignored SIGTERM
    },
  };
}
