// OAuth 2.0 round trip against a running auth-backend with oauth4webapi (a widely used,
// standards-following client library): RFC 8414 discovery, authorization code with PKCE S256
// through /oauth/authorize and the customer flow ①–⑥ (JSON API + the signed telephony
// webhook), token exchange with client_secret_basic, the account API, refresh-token rotation with
// reuse detection, RFC 7009 revocation. Also the authorization endpoint's error handling.
//
// Run by tests/e2e/tst_oauthclient, which starts the backend and passes everything in the
// environment. TLS is verified: the test CA comes in through NODE_EXTRA_CA_CERTS.
// Prints one JSON report line on stdout; exits 1 (with the report's "failure") on the first
// failed check.
import { createHmac } from 'node:crypto';
import * as oauth from 'oauth4webapi';

const env = process.env;
function required(name) {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is missing`);
  return value;
}

const report = { library: 'oauth4webapi', checks: [] };

function check(condition, what, detail) {
  if (!condition) {
    const error = new Error(`check failed: ${what}${detail === undefined ? '' : ' — ' + JSON.stringify(detail)}`);
    error.check = what;
    throw error;
  }
  report.checks.push(what);
}

async function main() {
  const issuer = new URL(required('TC_ISSUER'));
  const clientId = required('TC_CLIENT_ID');
  const redirectUri = required('TC_REDIRECT_URI');
  const institution = required('TC_INSTITUTION');
  const telephonySecret = required('TC_TELEPHONY_SECRET');
  const clockNow = Number(required('TC_CLOCK_NOW')); // the backend's (manual) clock, seconds
  const customer = {
    branch_code: required('TC_BRANCH_CODE'),
    account_type: required('TC_ACCOUNT_TYPE'),
    account_number: required('TC_ACCOUNT_NUMBER'),
    name_kana: required('TC_NAME_KANA'),
    birth_date: required('TC_BIRTH_DATE'),
    phone: required('TC_PHONE'),
    email: required('TC_EMAIL'),
    pin: required('TC_PIN'),
  };

  // RFC 8414 discovery (algorithm 'oauth2': /.well-known/oauth-authorization-server).
  const as = await oauth.processDiscoveryResponse(
    issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2' }));
  check(as.issuer === issuer.href.replace(/\/$/, '') || as.issuer === issuer.href, 'discovery: issuer');
  check(as.authorization_endpoint === new URL('/oauth/authorize', issuer).href,
        'discovery: authorization_endpoint', as.authorization_endpoint);
  check((as.code_challenge_methods_supported || []).includes('S256'), 'discovery: S256');

  const client = { client_id: clientId };
  const clientAuth = oauth.ClientSecretBasic(required('TC_CLIENT_SECRET'));

  let callsReported = 0;

  async function postJson(path, body, headers = {}) {
    const response = await fetch(new URL(path, issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    let json = {};
    try { json = await response.json(); } catch { json = {}; }
    return { status: response.status, json };
  }

  function authorizationUrl(pkceChallenge, state, overrides = {}) {
    const url = new URL(as.authorization_endpoint);
    const parameters = {
      response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'accounts',
      state, code_challenge: pkceChallenge, code_challenge_method: 'S256', institution,
      ...overrides,
    };
    for (const [key, value] of Object.entries(parameters)) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    return url;
  }

  // Starts a flow through the authorization endpoint; answers the flow id and PKCE values.
  async function startFlow(label) {
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
    const state = oauth.generateRandomState();
    const response = await fetch(authorizationUrl(codeChallenge, state), { redirect: 'manual' });
    check(response.status === 303, `${label}: authorize answers 303`, response.status);
    const location = new URL(response.headers.get('location'));
    check(location.origin === issuer.origin && /^\/flows\/[A-Za-z0-9_-]+$/.test(location.pathname),
          `${label}: redirect to the customer screens`, location.href);
    const flowId = location.pathname.split('/').pop();
    // The screens' page itself.
    const page = await fetch(location);
    const html = await page.text();
    const csp = page.headers.get('content-security-policy') || '';
    check(page.status === 200 && page.headers.get('content-type').startsWith('text/html')
          && html.includes('画面ID:SOA206') && html.includes(`data-flow-id="${flowId}"`),
          `${label}: screens page served`, page.status);
    check(csp.includes("script-src 'self'") && !csp.includes('unsafe-inline')
          && csp.includes("frame-ancestors 'none'"), `${label}: strict CSP on the page`, csp);
    return { flowId, codeVerifier, state };
  }

  // Screens ① to ⑥ through the JSON API; answers the consent step's redirect_uri.
  async function walkFlow(label, flowId, decision = 'allow') {
    const base = `/api/v1/flows/${flowId}`;
    let r = await postJson(`${base}/account`, {
      branch_code: customer.branch_code, account_type: customer.account_type,
      account_number: customer.account_number,
    });
    check(r.status === 200 && r.json.step === 'customer', `${label}: ① account`, r);
    r = await postJson(`${base}/customer`, {
      name_kana: customer.name_kana, birth_date: customer.birth_date, phone: customer.phone,
      email: customer.email, email_confirm: customer.email,
    });
    check(r.status === 200 && r.json.step === 'phone' && r.json.destination_number,
          `${label}: ② customer`, r);
    const destination = r.json.destination_number;
    // ④ 確定する before the call: waiting for the call (C01). Only in the first flow: the
    // backend's clock stands still, so later flows see the earlier calls as inside their window.
    if (label === 'first flow') {
      r = await postJson(`${base}/phone`, {});
      check(r.status === 409 && r.json.code === 'C01', `${label}: ④ before the call is C01`, r);
    }
    // The telephony provider reports the call, signed.
    const body = JSON.stringify({
      caller: customer.phone, dialed: destination, at: new Date(clockNow * 1000).toISOString(),
    });
    // Each delivery is signed once (replays are refused): a distinct timestamp, within the
    // backend's tolerance of its (fixed) clock, makes each signature distinct.
    const timestamp = String(clockNow + callsReported++);
    const signature = 'sha256='
      + createHmac('sha256', telephonySecret).update(`${timestamp}.${body}`).digest('hex');
    r = await postJson('/api/v1/telephony/calls', body,
                       { 'x-telephony-timestamp': timestamp, 'x-telephony-signature': signature });
    check(r.status === 202, `${label}: signed telephony webhook accepted`, r);
    r = await postJson(`${base}/phone`, {});
    check(r.status === 200 && r.json.step === 'pin', `${label}: ④ phone verified`, r);
    r = await postJson(`${base}/pin`, { pin: customer.pin });
    check(r.status === 200 && r.json.step === 'consent' && r.json.period_days === 30
          && r.json.client_name, `${label}: ⑤ PIN`, r);
    r = await postJson(`${base}/consent`, { agree_terms: decision === 'allow', decision });
    check(r.status === 200 && r.json.redirect_uri, `${label}: ⑥ consent`, r);
    return new URL(r.json.redirect_uri);
  }

  async function accountsMe(accessToken) {
    const response = await oauth.protectedResourceRequest(
      accessToken, 'GET', new URL('/api/v1/accounts/me', issuer));
    let json = {};
    try { json = await response.json(); } catch { json = {}; }
    return { status: response.status, json };
  }

  async function expectOAuthError(promise) {
    try {
      await promise;
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError) {
        return { error: error.error, status: error.status, code: error.cause?.code };
      }
      throw error;
    }
    return null;
  }

  async function tokensFor(label) {
    const { flowId, codeVerifier, state } = await startFlow(label);
    const callback = await walkFlow(label, flowId);
    const parameters = oauth.validateAuthResponse(as, client, callback, state);
    check(parameters.get('code'), `${label}: code in the redirect`);
    const response = await oauth.authorizationCodeGrantRequest(
      as, client, clientAuth, parameters, redirectUri, codeVerifier);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    check(tokens.access_token && tokens.refresh_token && tokens.token_type === 'bearer',
          `${label}: code exchanged for tokens`);
    return tokens;
  }

  // --- The authorization endpoint's errors -------------------------------------------------
  {
    const codeChallenge = await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier());
    const state = oauth.generateRandomState();
    for (const [label, overrides] of [
      ['unknown client', { client_id: 'no-such-app' }],
      ['unregistered redirect_uri', { redirect_uri: redirectUri + '/elsewhere' }],
      ['redirect_uri missing', { redirect_uri: undefined }],
      ['unknown institution', { institution: 'no-such-institution' }],
    ]) {
      const response = await fetch(authorizationUrl(codeChallenge, state, overrides),
                                   { redirect: 'manual' });
      const text = await response.text();
      check(response.status === 400 && !response.headers.get('location')
            && text.includes('G01'), `authorize, ${label}: error page, no redirect`,
            { status: response.status, location: response.headers.get('location') });
    }
    for (const [label, overrides, error] of [
      ['PKCE plain', { code_challenge_method: 'plain' }, 'invalid_request'],
      ['PKCE missing', { code_challenge: undefined, code_challenge_method: undefined },
       'invalid_request'],
      ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
      ['other scope', { scope: 'payments' }, 'invalid_scope'],
    ]) {
      const response = await fetch(authorizationUrl(codeChallenge, state, overrides),
                                   { redirect: 'manual' });
      const location = response.headers.get('location');
      check(response.status === 303 && location, `authorize, ${label}: redirected`, response.status);
      const back = new URL(location);
      check(back.origin + back.pathname === redirectUri, `authorize, ${label}: to redirect_uri`,
            location);
      // The library reads the error from the callback.
      let libraryError = null;
      try {
        oauth.validateAuthResponse(as, client, back, state);
      } catch (e) {
        libraryError = e instanceof oauth.AuthorizationResponseError ? e.error : String(e);
      }
      check(libraryError === error && back.searchParams.get('state') === state,
            `authorize, ${label}: error=${error} with state`, location);
    }
  }

  // --- Full round trip ---------------------------------------------------------------------
  const first = await tokensFor('first flow');
  let me = await accountsMe(first.access_token);
  check(me.status === 200 && me.json.account_number === customer.account_number,
        'accounts/me with the access token', me);
  report.balance = me.json.balance;

  const refreshed = await oauth.processRefreshTokenResponse(
    as, client, await oauth.refreshTokenGrantRequest(as, client, clientAuth, first.refresh_token));
  check(refreshed.access_token && refreshed.refresh_token
        && refreshed.refresh_token !== first.refresh_token, 'refresh rotates the refresh token');
  me = await accountsMe(refreshed.access_token);
  check(me.status === 200, 'accounts/me with the refreshed access token', me);

  // Reusing the old refresh token: invalid_grant, and the whole grant is revoked.
  const reuse = await expectOAuthError(oauth.processRefreshTokenResponse(
    as, client, await oauth.refreshTokenGrantRequest(as, client, clientAuth, first.refresh_token)));
  check(reuse && reuse.error === 'invalid_grant', 'reused refresh token: invalid_grant', reuse);
  report.reuse = reuse;
  me = await accountsMe(refreshed.access_token);
  check(me.status === 401 && /^[A-Z][0-9]{2}$/.test(me.json.code || ''),
        'after reuse the grant is revoked (401 with a catalog code)', me);
  report.afterReuse = { status: me.status, code: me.json.code };
  const afterReuseRefresh = await expectOAuthError(oauth.processRefreshTokenResponse(
    as, client,
    await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshed.refresh_token)));
  check(afterReuseRefresh && afterReuseRefresh.error === 'invalid_grant',
        'after reuse the rotated refresh token is dead too', afterReuseRefresh);

  // A fresh flow, then RFC 7009 revocation of its refresh token.
  const second = await tokensFor('second flow');
  me = await accountsMe(second.access_token);
  check(me.status === 200, 'accounts/me in the second grant', me);
  await oauth.processRevocationResponse(
    await oauth.revocationRequest(as, client, clientAuth, second.refresh_token));
  report.checks.push('refresh token revoked (RFC 7009)');
  me = await accountsMe(second.access_token);
  check(me.status === 401 && /^[A-Z][0-9]{2}$/.test(me.json.code || '') && me.json.message,
        'after revocation the access token gets 401 with a catalog code', me);
  report.afterRevocation = { status: me.status, code: me.json.code };
  const afterRevocation = await expectOAuthError(oauth.processRefreshTokenResponse(
    as, client, await oauth.refreshTokenGrantRequest(as, client, clientAuth, second.refresh_token)));
  check(afterRevocation && afterRevocation.error === 'invalid_grant',
        'revoked refresh token: invalid_grant', afterRevocation);

  // A flow the customer cancels (中止する), and one denied at ⑥.
  {
    const { flowId, state } = await startFlow('cancelled flow');
    const r = await postJson(`/api/v1/flows/${flowId}/cancel`, {});
    check(r.status === 200 && r.json.code === 'E03' && r.json.message === 'API連携認証を中止しました。',
          'cancelled flow: E03', r);
    report.cancelState = state.length > 0;
  }
  {
    const { flowId, state } = await startFlow('denied flow');
    const callback = await walkFlow('denied flow', flowId, 'deny');
    let libraryError = null;
    try {
      oauth.validateAuthResponse(as, client, callback, state);
    } catch (e) {
      libraryError = e instanceof oauth.AuthorizationResponseError ? e.error : String(e);
    }
    check(libraryError === 'access_denied', 'denied flow: access_denied', libraryError);
  }
}

try {
  await main();
  report.ok = true;
  console.log(JSON.stringify(report));
} catch (error) {
  report.ok = false;
  report.failure = error && error.stack ? error.stack : String(error);
  console.log(JSON.stringify(report));
  process.exitCode = 1;
}
