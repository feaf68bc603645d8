/**
 * Browser test: ingests the seed article into a temporary store, serves the freshly built UI on
 * loopback, opens the situation page in headless Chromium (Debian's /usr/bin/chromium), clicks an
 * event and checks that its evidence sentence is highlighted. Screenshots go to screenshots/.
 * Skips when Chromium or ../shared (the seed article) is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';

const ROOT = resolve(__dirname, '..', '..');
const SEED = resolve(ROOT, '..', 'shared', 'eval', 'seed', 'article.txt');
const CHROMIUM = '/usr/bin/chromium';
const ready = existsSync(SEED) && existsSync(CHROMIUM);
const TOKEN = 'browser-test-token-0123456789';

describe.skipIf(!ready)('web UI in Chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-browser-'));
  let store: Store;
  let server: RunningServer;

  beforeAll(async () => {
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'src', 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(tmp, 'web'), emptyOutDir: true } });
    store = await openStore(join(tmp, 'seed.db'));
    server = await startServer({ store, token: TOKEN, port: 0, webRoot: join(tmp, 'web') });
    const res = await fetch(`${server.url}api/ingest?published=2025-03-05&title=Seed%20article`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain; charset=utf-8' },
      body: readFileSync(SEED, 'utf8'),
    });
    expect(res.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await store?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('opens the situation page, clicks an event and highlights its evidence sentence', async () => {
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
    });
    const shots = join(ROOT, 'screenshots');
    mkdirSync(shots, { recursive: true });
    const errors: string[] = [];
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}#/situation`);
      await page.getByTestId('situation-page').waitFor();
      const link = page.getByTestId('event-link').first();
      await link.waitFor();
      await page.screenshot({ path: join(shots, 'situation.png'), fullPage: true });

      const href = (await link.getAttribute('href')) ?? '';
      const m = /^#\/doc\/([^?]+)\?event=([^&]+)/.exec(href);
      expect(m).not.toBeNull();
      const doc = (await (await fetch(`${server.url}api/documents/${m![1]}`)).json()) as {
        text: string;
        extraction: { events: { id: string; sentence: { start: number; end: number }; trigger: { text: string } }[] };
      };
      const ev = doc.extraction.events.find((e) => e.id === decodeURIComponent(m![2]!));
      expect(ev).toBeDefined();

      await link.click();
      const sentence = page.getByTestId('evidence-sentence');
      await sentence.waitFor();
      const shown = await sentence.evaluate((el) => {
        const c = el.cloneNode(true) as HTMLElement;
        c.querySelectorAll('sup').forEach((s) => s.remove());
        return c.textContent;
      });
      expect(shown).toBe(doc.text.slice(ev!.sentence.start, ev!.sentence.end));
      const bg = await sentence.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).not.toBe('rgba(0, 0, 0, 0)');
      await expect(sentence.locator('.hl-trigger').first().textContent()).resolves.toContain(ev!.trigger.text.split(' ')[0]);
      await expect(page.getByTestId('event-labels').textContent()).resolves.toMatch(/asserted|reported|planned|potential|negated/);
      await sentence.scrollIntoViewIfNeeded();
      const shot = join(shots, 'evidence.png');
      await page.screenshot({ path: shot, fullPage: false });
      console.log(`screenshots: ${join(shots, 'situation.png')} ${shot}`);

      // Markup inside an article is shown as text, never run.
      const hostile = 'Officials said <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> talks continued in Doha on Monday.';
      const put = await fetch(`${server.url}api/ingest?published=2025-03-06&title=${encodeURIComponent('<b>Markup</b> title')}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
        body: hostile,
      });
      const hostileId = ((await put.json()) as { results: { id: string }[] }).results[0]!.id;
      await page.goto(`${server.url}#/doc/${hostileId}`);
      await page.getByTestId('article').waitFor();
      expect(await page.getByTestId('article').textContent()).toBe(hostile);
      expect(await page.locator('article script, article img').count()).toBe(0);
      expect(await page.locator('h2', { hasText: '<b>Markup</b> title' }).count()).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

      // Paste an article (written for this test) and see it coded at once, nothing stored.
      await page.goto(`${server.url}#/paste`);
      await page.getByTestId('paste-text').fill('Negotiators from both sides met in Geneva on Tuesday, officials said. The rebels released 12 prisoners on Friday.');
      await page.getByRole('button', { name: 'Code it' }).click();
      const pasted = page.getByTestId('evidence-sentence');
      await pasted.waitFor();
      expect(await page.getByTestId('doc-event').count()).toBeGreaterThan(0);
      expect(await pasted.locator('.hl-trigger').count()).toBe(1);
      await page.screenshot({ path: join(shots, 'paste.png'), fullPage: false });

      for (const view of ['timeline', 'network', 'documents']) {
        await page.goto(`${server.url}#/${view}`);
        await page.waitForTimeout(view === 'network' ? 1500 : 500);
        await page.screenshot({ path: join(shots, `${view}.png`), fullPage: false });
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
