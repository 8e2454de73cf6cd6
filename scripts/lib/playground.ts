/**
 * Starts the Microsoft 365 Agents Playground (the local Teams client) as a managed process: its own process group,
 * a watchdog that kills it if this process dies, readiness read from its stdout and its /_debug/ping, and a
 * `.m365agentsplayground.yml` that says who the current user is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// ---------------------------------------------------------------------------------------------
// Config file (.m365agentsplayground.yml) — schema extracted from the package (config.schema.json 0.1.1)
// ---------------------------------------------------------------------------------------------

export interface PlaygroundUser {
  /** channel account id (activity.from.id) */
  id: string;
  /** display name (activity.from.name on message/invoke activities) */
  name: string;
  /** sic: "Principle" — this is the spelling the schema requires */
  userPrincipleName: string;
  /** activity.from.aadObjectId */
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export interface PlaygroundConfigFile {
  version: '0.1.0' | '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  /** exactly 5 users (schema: minItems 5, maxItems 5); all ids (currentUser + users) must be unique */
  users: [PlaygroundUser, PlaygroundUser, PlaygroundUser, PlaygroundUser, PlaygroundUser];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  /** at most 1 extra channel (the General channel always exists and has the team id) */
  team: { id: string; name: string; aadGroupId: string; channels: Array<{ id: string; name: string }> };
}

const DEFAULT_USERS: PlaygroundConfigFile['users'] = [
  { id: 'user-id-1', name: 'Megan Bowen', userPrincipleName: 'meganb@example.com', aadObjectId: '00000000-0000-0000-0000-0000000000021', givenName: 'Megan', surname: 'Bowen', email: 'meganb@example.com' },
  { id: 'user-id-2', name: 'Adele Vance', userPrincipleName: 'adelev@example.com', aadObjectId: '00000000-0000-0000-0000-0000000000022', givenName: 'Adele', surname: 'Vance', email: 'adelev@example.com' },
  { id: 'user-id-3', name: 'Isaiah Langer', userPrincipleName: 'isaiah@example.com', aadObjectId: '00000000-0000-0000-0000-0000000000023', givenName: 'Isaiah', surname: 'Langer', email: 'isaiahl@example.com' },
  { id: 'user-id-4', name: 'Patti Fernandez', userPrincipleName: 'pattif@example.com', aadObjectId: '00000000-0000-0000-0000-0000000000024', givenName: 'Patti', surname: 'Fernandez', email: 'pattif@example.com' },
  { id: 'user-id-5', name: 'Lynne Robbins', userPrincipleName: 'lynner@example.com', aadObjectId: '00000000-0000-0000-0000-0000000000025', givenName: 'Lynne', surname: 'Robbins', email: 'lynner@example.com' },
];

/** The Playground's built-in default config (what you get without any yml), with optional overrides. */
export function buildPlaygroundConfig(overrides: {
  currentUser?: Partial<PlaygroundUser>;
  tenantId?: string;
  bot?: { id: string; name: string };
  personalChatId?: string;
  users?: PlaygroundConfigFile['users'];
} = {}): PlaygroundConfigFile {
  const unique = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    version: '0.1.1',
    tenantId: overrides.tenantId ?? '00000000-0000-0000-0000-0000000000001',
    bot: overrides.bot ?? { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
    currentUser: {
      id: 'user-id-0',
      name: 'Alex Wilber',
      userPrincipleName: 'alexw@example.com',
      aadObjectId: '00000000-0000-0000-0000-0000000000020',
      givenName: 'Alex',
      surname: 'Wilber',
      email: 'alexw@example.com',
      ...overrides.currentUser,
    },
    users: overrides.users ?? DEFAULT_USERS,
    personalChat: { id: overrides.personalChatId ?? `personal-${unique}` },
    groupChat: { id: `group-${unique}`, name: 'Group Chat' },
    team: { id: 'team-id', name: 'My Team', aadGroupId: '00000000-0000-0000-0000-000000000031', channels: [{ id: 'channel-announcements-id', name: 'Announcements' }] },
  };
}

// ---------------------------------------------------------------------------------------------
// Process management
// ---------------------------------------------------------------------------------------------

export interface StartPlaygroundOptions {
  /** e.g. http://localhost:3978/api/messages (passed as -e). Start the bot BEFORE opening the UI. */
  botEndpoint: string;
  /** 0 (default) = random free port. A busy fixed port silently falls back to a random one; the real port is always returned. */
  port?: number;
  /** working dir of the process (default: fresh temp dir, removed by stop()). Holds the yml and the log file. */
  cwd?: string;
  /** raw yml text for .m365agentsplayground.yml (takes precedence over `config`) */
  userYml?: string;
  /** config object; written as JSON (JSON is valid YAML 1.2, the Playground parses it with `yaml`) */
  config?: PlaygroundConfigFile;
  /** --conversation-id (personal chat id); only used with the built-in default config (a yml's personalChat.id wins) */
  conversationId?: string;
  channelId?: 'msteams' | 'directline' | 'webchat' | 'emulator' | 'agents';
  readyTimeoutMs?: number;
  /** kill the Playground automatically if this Node process dies without calling stop() (default true) */
  watchdog?: boolean;
  /** extra env for the Playground process; e.g. { TZ: 'Europe/Paris' } sets activity.localTimezone / rawLocalTimestamp offset */
  env?: NodeJS.ProcessEnv;
}

export interface PlaygroundRuntimeConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string; name: string };
  [key: string]: unknown;
}

export interface PlaygroundInstance {
  /** UI url, e.g. http://localhost:40243 */
  url: string;
  port: number;
  /** serviceUrl the Playground gives the bot (mock Bot Connector) */
  serviceUrl: string;
  /** pid (= process group id) of the spawned process tree */
  pid: number;
  dir: string;
  logFile: string;
  /** GET /_internal/v1/config — the effective config (current user, chats ids...) */
  getConfig(): Promise<PlaygroundRuntimeConfig>;
  /** SIGTERM the whole process group, SIGKILL after 5 s; idempotent */
  stop(): Promise<void>;
}

const liveGroups = new Set<number>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}

/**
 * Tiny parent-death watchdog: runs the Playground as a child in the same (detached) process group
 * and kills the group if the test process disappears (jest crash, SIGKILL...). stdio is inherited.
 */
const WATCHDOG_SRC = `
const { spawn } = require('node:child_process');
const parent = Number(process.env.PG_DRIVER_PARENT_PID);
const [cli, ...args] = process.argv.slice(1);
const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'inherit', 'inherit'] });
child.on('exit', (code, sig) => process.exit(code ?? (sig ? 1 : 0)));
setInterval(() => {
  try { process.kill(parent, 0); } catch { try { process.kill(-process.pid, 'SIGKILL'); } catch { process.exit(1); } }
}, 1000).unref();
`;

function resolveCli(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** cancellable timer, so no stray timeout keeps jest alive ("Jest did not exit one second after...") */
function timer(ms: number): { done: Promise<void>; cancel: () => void } {
  let handle: NodeJS.Timeout | undefined;
  const done = new Promise<void>((r) => {
    handle = setTimeout(r, ms);
  });
  return { done, cancel: () => clearTimeout(handle) };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function httpText(url: string, timeoutMs = 2000): Promise<{ status: number; text: string } | undefined> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: r.status, text: await r.text() };
  } catch {
    return undefined;
  }
}

function readLogErrors(logFile: string): string {
  try {
    return fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('error') || l.startsWith('warn'))
      .join('\n');
  } catch {
    return '(no log file)';
  }
}

export async function startPlayground(opts: StartPlaygroundOptions): Promise<PlaygroundInstance> {
  installExitHook();
  const createdDir = opts.cwd === undefined;
  const dir = opts.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), 'agents-playground-'));
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'playground.log');
  const configPath = path.join(dir, '.m365agentsplayground.yml');
  if (opts.userYml !== undefined) fs.writeFileSync(configPath, opts.userYml);
  else if (opts.config !== undefined) fs.writeFileSync(configPath, JSON.stringify(opts.config, null, 2));

  const args = [
    '-e', opts.botEndpoint,
    '-c', opts.channelId ?? 'msteams',
    '--disable-telemetry',
    '-p', String(opts.port ?? 0),
    ...(opts.conversationId ? ['--conversation-id', opts.conversationId] : []),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    TEAMSAPPTESTER_BROWSER: 'none', // do not try to open a browser
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile, // default is ./devTools/m365agentsplayground.log (deleted at each start!)
    // Pin the config lookup to our dir (otherwise cwd/.m365agentsplayground.yml, then cwd/.teamsapptesttool.yml).
    // A non-existent path => built-in default config (Alex Wilber).
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    TEAMS_APP_TEST_TOOL_CONFIG_PATH: path.join(dir, '.teamsapptesttool.yml'),
    PG_DRIVER_PARENT_PID: String(process.pid),
  };
  delete env.TEAMSAPPTESTER_PORT; // would change the -p default

  const cli = resolveCli();
  const child: ChildProcess =
    opts.watchdog === false
      ? spawn(process.execPath, [cli, ...args], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true })
      : spawn(process.execPath, ['-e', WATCHDOG_SRC, cli, ...args], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  // stdin stays open (never .end()) — harmless, and older versions were reported to exit on stdin EOF.
  const pid = child.pid;
  if (pid === undefined) throw new Error('failed to spawn agentsplayground');
  liveGroups.add(pid);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  let stdout = '';
  let stderr = '';
  const portPromise = new Promise<number>((resolve) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /Listening on (\d+)/.exec(stdout); // the ONLY line printed on stdout when stdout is not a TTY
      if (m?.[1]) resolve(Number(m[1]));
    });
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });

  const stop = async (): Promise<void> => {
    if (!liveGroups.has(pid)) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 5000;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
    if (groupAlive(pid)) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    const grace = timer(1000);
    await Promise.race([exitPromise, grace.done]);
    grace.cancel();
    liveGroups.delete(pid);
    child.stdin?.destroy();
    if (createdDir) fs.rmSync(dir, { recursive: true, force: true });
  };

  const timeoutMs = opts.readyTimeoutMs ?? 30000;
  const fail = async (why: string): Promise<never> => {
    const details = `${why}\nstdout: ${stdout.trim()}\nstderr: ${stderr.trim()}\nlog (${logFile}):\n${readLogErrors(logFile)}`;
    await stop();
    throw new Error(details);
  };

  const start = Date.now();
  const readyTimer = timer(timeoutMs);
  const port = await Promise.race([portPromise, exitPromise.then(() => -1), readyTimer.done.then(() => -2)]);
  readyTimer.cancel();
  if (port === -1) return fail(`agentsplayground exited early (${JSON.stringify(exited)})`);
  if (port === -2) return fail(`agentsplayground did not print "Listening on" within ${timeoutMs} ms`);

  // "Listening on" is printed BEFORE the backend is mounted; an invalid yml makes it exit(1) right after.
  // /_debug/ping answers "pong" only once the backend (config + routes) is up.
  const base = `http://localhost:${port}`;
  for (;;) {
    if (exited) return fail(`agentsplayground exited during startup (${JSON.stringify(exited)}) — invalid config?`);
    if (Date.now() - start > timeoutMs) return fail(`agentsplayground not ready within ${timeoutMs} ms`);
    const ping = await httpText(`${base}/_debug/ping`);
    if (ping?.status === 200 && ping.text.trim() === 'pong') break;
    await sleep(50);
  }

  const getConfig = async (): Promise<PlaygroundRuntimeConfig> => {
    const r = await fetch(`${base}/_internal/v1/config`);
    const body = (await r.json()) as { config: PlaygroundRuntimeConfig };
    return body.config;
  };

  return { url: base, port, serviceUrl: `${base}/_connector`, pid, dir, logFile, getConfig, stop };
}

