/**
 * Drives the Agents Playground's chat UI in headless Chromium (the build @sparticuz/chromium ships, so `npm ci`
 * is the whole install): open the chat, type, wait for cards, click their buttons.
 */
import chromium from '@sparticuz/chromium';
import { chromium as pw, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page, type Response } from 'playwright-core';


/** Extra flags for a closed network. */
const EXTRA_CHROMIUM_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Launch headless chromium from @sparticuz/chromium. The first executablePath() call in a machine
 * inflates the binary to /tmp/chromium (~1.8 s); call it once (e.g. jest globalSetup) before parallel workers.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromium.executablePath();
  return pw.launch({ executablePath, args: [...chromium.args, ...EXTRA_CHROMIUM_FLAGS], headless: true });
}

export type ActionResult =
  | { kind: 'invoke'; status: number; /** body the Playground got from the bot: {statusCode,type,value} */ body: unknown }
  | { kind: 'message'; status: number /* Action.Submit => a message activity with `value` */ };

export interface ChatSession {
  page: Page;
  browser: Browser;
  context: BrowserContext;
  /** personal chat conversation id (from the installation call the UI makes on load) */
  conversationId: string;
  /** all Adaptive Cards in the conversation pane */
  cards(): Locator;
  /** all bot message bubbles (text and cards) */
  botMessages(): Locator;
  /** types text + Enter; resolves when the Playground has delivered it AND the bot's turn is over (HTTP reply) */
  send(text: string): Promise<void>;
  /** last Adaptive Card containing text; waits until visible */
  waitForCardWithText(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** last bot bubble (text or card) containing text */
  waitForBotMessage(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** clicks an Action.Execute/Action.Submit button (in the last card containing withinCardText, or the last card having that button) */
  clickAction(title: string, opts?: { withinCardText?: string | RegExp; withinCard?: Locator; timeoutMs?: number }): Promise<ActionResult>;
  screenshot(file: string): Promise<void>;
  /** closes the context (and the browser if openChat launched it) */
  close(): Promise<void>;
}

export interface OpenChatOptions {
  /** share one browser between sessions; otherwise openChat launches (and close() closes) its own */
  browser?: Browser;
  readyTimeoutMs?: number;
  viewport?: { width: number; height: number };
  /** extra playwright context options. NB: the browser timezone/locale do NOT reach the bot: activity.localTimezone comes
   *  from the Playground process (startPlayground({ env: { TZ: 'Europe/Paris' } })) and activity.locale is always en-US. */
  contextOptions?: BrowserContextOptions;
  /** called with each text the chat sends the bot: a typed message, or a string a card action carries (typed or prefilled) */
  onSent?: (sent: SentText) => void;
}

/** The chat's compose box (a Lexical contenteditable), not the text inputs of cards in the conversation. */
const composeBox = (page: Page): Locator => page.locator('[data-lexical-editor="true"][role="textbox"]');

const INSTALLATION_RE = /\/_debug\/conversation\/([^/]+)\/installation$/;
const MESSAGES_RE = /\/_conversation\/v1\/conversations\/[^/]+\/messages$/;
const INVOKE_RE = /\/_conversation\/v1\/invoke$/;

function isLocal(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:';
}

/** A text the Playground sent to the bot: a chat message, or one string value of a card action's data. */
export type SentText = { kind: 'message' | 'field'; text: string };

/** The texts in a request the chat UI makes to the Playground: the message typed, or the values a card action carries. */
function sentTexts(path: string, body: unknown): SentText[] {
  const request = (body ?? {}) as { text?: unknown; value?: unknown };
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
  if (MESSAGES_RE.test(path)) return typeof request.text === 'string' && request.text !== '' ? [{ kind: 'message', text: request.text }] : [];
  let value = request.value;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      value = undefined;
    }
  }
  const data = (value as { action?: { data?: unknown } } | undefined)?.action?.data;
  return strings(data).map((text) => ({ kind: 'field' as const, text }));
}

export async function openChat(url: string, opts: OpenChatOptions = {}): Promise<ChatSession> {
  const ownBrowser = opts.browser === undefined;
  const browser = opts.browser ?? (await launchBrowser());
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 }, ...opts.contextOptions });
  // closed network: the UI pulls Segoe UI fonts from res-1.cdn.office.net — fail fast instead of hanging
  await context.route((u) => !isLocal(u), (route) => route.abort());
  const page = await context.newPage();
  const onSent = opts.onSent;
  if (onSent) {
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() !== 'POST' || !(MESSAGES_RE.test(path) || INVOKE_RE.test(path))) return;
      let body: unknown;
      try {
        body = request.postDataJSON() as unknown;
      } catch {
        return;
      }
      for (const sent of sentTexts(path, body)) onSent(sent);
    });
  }
  const timeout = opts.readyTimeoutMs ?? 30000;

  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    if (ownBrowser) await browser.close().catch(() => undefined);
  };

  let conversationId: string;
  try {
    // On every page load the UI POSTs /_debug/conversation/<personalChatId>/installation, which makes the
    // Playground send installationUpdate(add) + conversationUpdate(membersAdded) to the bot and waits for them
    // (about 15 s then "Cannot connect to your app" if the bot is down).
    const installation = page.waitForResponse((r) => r.request().method() === 'POST' && INSTALLATION_RE.test(new URL(r.url()).pathname), { timeout });
    await page.goto(url, { timeout });
    await composeBox(page).waitFor({ timeout });
    const resp: Response = await installation;
    conversationId = INSTALLATION_RE.exec(new URL(resp.url()).pathname)?.[1] ?? '';
    if (resp.status() !== 200) throw new Error(`installation call failed: HTTP ${resp.status()}`);
    if ((await page.getByText('Cannot connect to your app').count()) > 0) {
      throw new Error('Playground cannot reach the bot endpoint (start the bot before opening the chat)');
    }
  } catch (e) {
    await close();
    throw e;
  }

  const pane = (): Locator => page.locator('.fai-OutputCard'); // bot bubbles only (not the chat list, not the log panel)

  const session: ChatSession = {
    page,
    browser,
    context,
    conversationId,
    cards: () => page.locator('.ac-adaptiveCard'),
    botMessages: pane,
    async send(text: string): Promise<void> {
      const posted = page.waitForResponse((r) => r.request().method() === 'POST' && MESSAGES_RE.test(new URL(r.url()).pathname), { timeout });
      const box = composeBox(page);
      await box.fill(text);
      await box.press('Enter');
      const r = await posted;
      if (r.status() >= 300) throw new Error(`sending "${text}" failed: HTTP ${r.status()} ${await r.text()}`);
    },
    async waitForCardWithText(text: string | RegExp, timeoutMs = 10000): Promise<Locator> {
      const loc = page.locator('.ac-adaptiveCard', { hasText: text }).last();
      await loc.waitFor({ state: 'visible', timeout: timeoutMs });
      return loc;
    },
    async waitForBotMessage(text: string | RegExp, timeoutMs = 10000): Promise<Locator> {
      const loc = pane().filter({ hasText: text }).last();
      await loc.waitFor({ state: 'visible', timeout: timeoutMs });
      return loc;
    },
    async clickAction(title: string, o: { withinCardText?: string | RegExp; withinCard?: Locator; timeoutMs?: number } = {}): Promise<ActionResult> {
      const t = o.timeoutMs ?? 10000;
      const button = (scope: Locator): Locator => scope.getByRole('button', { name: title, exact: true });
      const card =
        o.withinCard ??
        (o.withinCardText !== undefined
          ? page.locator('.ac-adaptiveCard', { hasText: o.withinCardText }).last()
          : page.locator('.ac-adaptiveCard').filter({ has: button(page.locator('.ac-actionSet')) }).last());
      const btn = button(card);
      await btn.waitFor({ state: 'visible', timeout: t });
      const responded = page.waitForResponse(
        (r) => r.request().method() === 'POST' && (INVOKE_RE.test(new URL(r.url()).pathname) || MESSAGES_RE.test(new URL(r.url()).pathname)),
        { timeout: t },
      );
      await btn.click();
      const r = await responded;
      if (INVOKE_RE.test(new URL(r.url()).pathname)) {
        let body: unknown;
        try {
          body = (await r.json()) as unknown;
        } catch {
          body = await r.text();
        }
        return { kind: 'invoke', status: r.status(), body };
      }
      return { kind: 'message', status: r.status() };
    },
    async screenshot(file: string): Promise<void> {
      await page.screenshot({ path: file });
    },
    close,
  };
  return session;
}
