import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { launchBrowser, openChat } from '../scripts/lib/playground-browser';
import { freePort } from '../scripts/lib/ports';

/** What `npm start` took until the Playground showed the answer to `aide`. */
export interface StartupFigure {
  /** Until `npm start` printed that everything answers. */
  readySeconds: number;
  /** Until the help card was shown in the Playground's chat (browser launch included). */
  answeredSeconds: number;
}

/**
 * Runs `npm start -- --in-memory` on free ports, opens the Playground it prints in headless Chromium, types `aide`
 * and waits for the help card; then stops the stack with Ctrl-C (SIGINT to its process group). Bounded: 120 s.
 */
export async function measureStartup(): Promise<StartupFigure> {
  const env = { ...process.env, PORT: String(await freePort()), PLAYGROUND_PORT: String(await freePort()), AZURITE_PORT: String(await freePort()), LOG_LEVEL: 'silent' };
  const started = performance.now();
  const child = spawn('npm', ['start', '--', '--in-memory'], { cwd: join(__dirname, '..'), env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start not ready after 120 s:\n${output}`)), 120_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /Ouvrez (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`npm start exited (${String(code)}):\n${output}`)));
    });
    const readySeconds = (performance.now() - started) / 1000;
    const browser = await launchBrowser();
    try {
      const chat = await openChat(url, { browser });
      await chat.send('aide');
      await chat.waitForCardWithText('Ce que Qualibot sait faire', 30_000);
      const answeredSeconds = (performance.now() - started) / 1000;
      await chat.close();
      return { readySeconds, answeredSeconds };
    } finally {
      await browser.close();
    }
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
}
