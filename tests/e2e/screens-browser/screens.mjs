// Walks the customer screens ①–⑥ in headless Chromium (Debian's, through playwright-core) the
// way a customer does, clicking and typing, and takes a screenshot of each screen into
// TC_SCREENSHOT_DIR. Also the error display (the API's catalog text), 中止する, and the error
// page of /oauth/authorize. Run by tests/e2e/tst_customerscreens with the backend's URL and the
// seeded customer in the environment. Prints one JSON report line; exits 1 on a failed check.
//
// TLS stays verified: Chromium accepts exactly the test server's key
// (--ignore-certificate-errors-spki-list pins its SPKI hash; it needs the explicit
// --user-data-dir that launchPersistentContext passes), and Node trusts the test CA through
// NODE_EXTRA_CA_CERTS for the telephony webhook.
import { createHash, createHmac, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const env = process.env;
function required(name) {
  if (!env[name]) throw new Error(`environment variable ${name} is missing`);
  return env[name];
}

const report = { screenshots: [], checks: [], consoleErrors: [] };
function check(condition, what, detail) {
  if (!condition) {
    throw new Error(`check failed: ${what}${detail === undefined ? '' : ' — ' + JSON.stringify(detail)}`);
  }
  report.checks.push(what);
}

const base64url = (buffer) => buffer.toString('base64url');

async function main() {
  const issuer = new URL(required('TC_ISSUER'));
  const outDir = required('TC_SCREENSHOT_DIR');
  const redirectUri = required('TC_REDIRECT_URI');
  const clockNow = Number(required('TC_CLOCK_NOW'));
  const telephonySecret = required('TC_TELEPHONY_SECRET');
  const phone = required('TC_PHONE');

  const certificate = new X509Certificate(readFileSync(required('TC_SERVER_CERT')));
  const spki = createHash('sha256')
    .update(certificate.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');

  const profile = mkdtempSync(path.join(tmpdir(), 'tc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env.TC_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run',
           `--ignore-certificate-errors-spki-list=${spki}`],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (message) => {
      // HTTP error answers are expected here (the API's 4xx); anything else is not.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        report.consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => report.consoleErrors.push(String(error)));
    // The app's redirect URI is not on this machine: answer it here and remember where we went.
    const arrivals = [];
    await context.route(redirectUri + '**', (route) => {
      arrivals.push(route.request().url());
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'app' });
    });

    let shot = 0;
    async function screenshot(name) {
      const file = path.join(outDir, `${String(++shot).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      report.screenshots.push(file);
    }
    const visible = (screen) => page.locator(`section[data-screen="${screen}"]:not([hidden])`);
    async function expectScreen(screen) {
      await visible(screen).waitFor({ state: 'visible', timeout: 10000 });
      // Focus moves to the new screen's heading (screen readers announce it).
      const focused = await page.evaluate(() => document.activeElement?.tagName);
      check(focused === 'H1', `${screen}: focus on the heading`, focused);
    }
    async function errorText(screen) {
      const el = visible(screen).locator('[data-error]');
      await el.waitFor({ state: 'visible', timeout: 10000 });
      return (await el.textContent()).trim();
    }

    async function openFlow() {
      const verifier = base64url(randomBytes(32));
      const challenge = base64url(createHash('sha256').update(verifier).digest());
      const state = base64url(randomBytes(16));
      const url = new URL('/oauth/authorize', issuer);
      for (const [k, v] of Object.entries({
        response_type: 'code', client_id: required('TC_CLIENT_ID'), redirect_uri: redirectUri,
        scope: 'accounts', state, code_challenge: challenge, code_challenge_method: 'S256',
        institution: required('TC_INSTITUTION'),
      })) url.searchParams.set(k, v);
      const response = await page.goto(url.href);
      check(response.status() === 200 && /\/flows\/[A-Za-z0-9_-]+$/.test(page.url()),
            'authorize lands on the screens', page.url());
      return state;
    }

    // ① ご利用口座情報入力
    const state = await openFlow();
    await expectScreen('account');
    check(await page.title() === 'API連携認証 - 兵庫ひまわり信用組合', 'page title', await page.title());
    await screenshot('account');
    await visible('account').getByRole('button', { name: '次へ' }).click();
    check(await errorText('account') === '入力されていない項目があります。', '① missing fields: B01 text');
    await screenshot('account-error');
    await page.getByLabel('店番').fill(required('TC_BRANCH_CODE'));
    await page.getByLabel('普通').check();
    await page.getByLabel('口座番号').fill(required('TC_ACCOUNT_NUMBER'));
    await visible('account').getByRole('button', { name: '次へ' }).click();

    // ② お客様情報入力
    await expectScreen('customer');
    const [year, month, day] = required('TC_BIRTH_DATE').split('-');
    await page.getByLabel('氏名(半角カタカナ)').fill(required('TC_NAME_KANA'));
    await page.locator('#birth-year').fill(year);
    await page.locator('#birth-month').selectOption(month);
    await page.locator('#birth-day').selectOption(day);
    await page.locator('#phone').fill(phone);
    await page.locator('#email').fill(required('TC_EMAIL'));
    await page.locator('#email-confirm').fill(required('TC_EMAIL'));
    await screenshot('customer');
    await visible('customer').getByRole('button', { name: '次へ' }).click();

    // ③ 電話番号の確認
    await expectScreen('phone-confirm');
    const destination = (await visible('phone-confirm').locator('[data-destination-number]').textContent()).trim();
    const registered = (await visible('phone-confirm').locator('[data-registered-phone]').textContent()).trim();
    check(/^[0-9]{10,11}$/.test(destination) && registered.length > 0, '③ numbers shown',
          { destination, registered });
    await screenshot('phone-confirm');
    await visible('phone-confirm').getByRole('button', { name: '次へ' }).click();

    // ④ 電話番号認証: 確定する before the call, then the call, then 確定する.
    await expectScreen('phone');
    const countdown = Number(await visible('phone').locator('[data-countdown]').textContent());
    check(countdown > 100 && countdown <= 120, '④ countdown from 120 s', countdown);
    await visible('phone').getByRole('button', { name: '確定する' }).click();
    check(await errorText('phone') === '認証中(認証着信待ち)', '④ before the call: C01 text');
    await screenshot('phone-waiting');
    const body = JSON.stringify({ caller: phone, dialed: destination,
                                  at: new Date(clockNow * 1000).toISOString() });
    const timestamp = String(clockNow);
    const webhook = await fetch(new URL('/api/v1/telephony/calls', issuer), {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', 'x-telephony-timestamp': timestamp,
                 'x-telephony-signature': 'sha256=' + createHmac('sha256', telephonySecret)
                   .update(`${timestamp}.${body}`).digest('hex') },
    });
    check(webhook.status === 202, 'signed telephony webhook accepted', webhook.status);
    await visible('phone').getByRole('button', { name: '確定する' }).click();

    // ⑤ キャッシュカード暗証番号認証
    await expectScreen('pin');
    const pinField = page.getByRole('textbox', { name: 'キャッシュカード暗証番号' });
    check(await pinField.getAttribute('type') === 'password', '⑤ PIN masked');
    await pinField.fill('0000');
    await visible('pin').getByRole('button', { name: '次へ' }).click();
    check((await errorText('pin')).startsWith('暗証番号が誤っています。'), '⑤ wrong PIN: D01 text');
    check(await pinField.inputValue() === '', '⑤ PIN field cleared after sending');
    await pinField.fill(required('TC_PIN'));
    await screenshot('pin');
    await visible('pin').getByRole('button', { name: '次へ' }).click();

    // ⑥ 情報連携認可 (SOA206)
    await expectScreen('consent');
    const consentText = await visible('consent').textContent();
    check(consentText.includes('しんくみアプリ with CRECOが以下の許可を求めています。')
          && consentText.includes('口座情報・明細情報へのアクセス') && consentText.includes('30日')
          && consentText.includes('画面ID:SOA206') && consentText.includes('ご注意'),
          '⑥ consent content');
    await screenshot('consent');
    await visible('consent').getByRole('button', { name: '許可する' }).click();
    check((await errorText('consent')).startsWith('API利用規定への同意が確認できません。'),
          '⑥ allow without agreeing: E01 text');
    await screenshot('consent-error');
    await page.getByLabel('当信用組合のAPI利用規定を確認し、同意します。').check();
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(redirectUri), { timeout: 10000 }),
      visible('consent').getByRole('button', { name: '許可する' }).click(),
    ]);
    const callback = new URL(arrivals.at(-1));
    check(callback.searchParams.get('code') && callback.searchParams.get('state') === state,
          '⑥ allow: back to the app with code and state', callback.href);

    // 中止する on ①
    await openFlow();
    await expectScreen('account');
    await visible('account').getByRole('button', { name: '中止する' }).click();
    await expectScreen('cancelled');
    const cancelled = await visible('cancelled').textContent();
    check(cancelled.includes('API連携認証を中止しました'), '中止: message');
    const back = new URL(await visible('cancelled').getByRole('link', { name: '連携元画面へ' })
      .getAttribute('href'));
    check(back.searchParams.get('error') === 'access_denied', '中止: 連携元画面へ link', back.href);
    await screenshot('cancelled');

    // The authorization endpoint's own error page (unknown app: never redirected).
    const bad = new URL('/oauth/authorize?response_type=code&client_id=nobody&redirect_uri='
                        + encodeURIComponent(redirectUri) + '&institution=x', issuer);
    const badResponse = await page.goto(bad.href);
    check(badResponse.status() === 400 && page.url() === bad.href, 'authorize error page, no redirect');
    await screenshot('authorize-error');

    check(report.consoleErrors.length === 0, 'no console errors or CSP violations',
          report.consoleErrors);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

try {
  await main();
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.failure = error && error.stack ? error.stack : String(error);
  process.exitCode = 1;
}
console.log(JSON.stringify(report));
