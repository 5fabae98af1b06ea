// The customer screens ①–⑥ of API連携認証: one page that walks the flow through the JSON API
// (POST /api/v1/flows/{id}/...). Every message shown for an error is the one the API returns
// (the error catalog's customer text); values go into the page through textContent only.
'use strict';

(function () {
  const main = document.getElementById('flow');
  if (!main) return;
  const data = main.dataset;
  const flowId = data.flowId;
  const returnUri = data.returnUri;

  // Codes after which the flow cannot go on: the customer goes back to the app.
  const FINAL_CODES = new Set(['B83', 'B84', 'C02', 'D83', 'D84', 'E03', 'F04', 'G02', 'G03']);
  const NETWORK_ERROR = '通信エラーが発生しました。電波の良い場所で、再度操作して下さい。';

  let busy = false;
  let countdownTimer = null;

  const screens = {};
  for (const section of main.querySelectorAll('section[data-screen]')) {
    screens[section.dataset.screen] = section;
  }

  function show(name) {
    for (const [key, section] of Object.entries(screens)) {
      section.hidden = key !== name;
      if (key === name) clearError(section);
    }
    if (name !== 'phone') stopCountdown();
    const heading = screens[name].querySelector('h1');
    window.scrollTo(0, 0);
    heading.focus();
  }

  function clearError(section) {
    const el = section.querySelector('[data-error]');
    if (el) {
      el.textContent = '';
      el.hidden = true;
    }
  }

  function showError(section, message) {
    const el = section.querySelector('[data-error]');
    el.textContent = message;
    el.hidden = false;
    el.setAttribute('tabindex', '-1');
    el.focus();
  }

  function ended(message) {
    screens.ended.querySelector('[data-ended-text]').textContent = message;
    show('ended');
  }

  function setBusy(on) {
    busy = on;
    main.setAttribute('aria-busy', on ? 'true' : 'false');
    main.querySelector('[data-busy]').hidden = !on;
    for (const button of main.querySelectorAll('button')) button.disabled = on;
  }

  // POSTs JSON to the flow's API; resolves to {ok, status, body, date}.
  async function post(action, payload) {
    const url = new URL('../api/v1/flows/' + encodeURIComponent(flowId) + '/' + action,
                        window.location.href);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(payload || {}),
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
    });
    let body = {};
    try {
      body = await response.json();
    } catch (e) {
      body = {};
    }
    return { ok: response.ok, status: response.status, body, date: response.headers.get('Date') };
  }

  // Runs one API call for the screen `section`; on success calls onSuccess(body, answer).
  async function step(section, action, payload, onSuccess) {
    if (busy) return;
    setBusy(true);
    let answer;
    try {
      answer = await post(action, payload);
    } catch (e) {
      setBusy(false);
      showError(section, NETWORK_ERROR);
      return;
    }
    setBusy(false);
    if (answer.ok) {
      onSuccess(answer.body, answer);
      return;
    }
    const message = answer.body.message || NETWORK_ERROR;
    if (FINAL_CODES.has(answer.body.code)) {
      ended(message);
    } else {
      showError(section, message);
    }
  }

  function value(form, name) {
    const field = form.elements.namedItem(name);
    if (!field) return '';
    if (field instanceof RadioNodeList) return field.value;
    return field.value.trim();
  }

  // ① ご利用口座情報入力
  screens.account.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    step(screens.account, 'account', {
      branch_code: value(form, 'branch_code'),
      account_type: value(form, 'account_type'),
      account_number: value(form, 'account_number'),
    }, () => show('customer'));
  });

  // ② お客様情報入力
  const monthSelect = document.getElementById('birth-month');
  const daySelect = document.getElementById('birth-day');
  function fillSelect(select, count) {
    const blank = document.createElement('option');
    blank.value = '';
    blank.textContent = '--';
    select.append(blank);
    for (let i = 1; i <= count; ++i) {
      const option = document.createElement('option');
      option.value = String(i).padStart(2, '0');
      option.textContent = String(i).padStart(2, '0');
      select.append(option);
    }
  }
  fillSelect(monthSelect, 12);
  fillSelect(daySelect, 31);

  screens.customer.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const year = value(form, 'birth_year');
    const month = value(form, 'birth_month');
    const day = value(form, 'birth_day');
    // Only a complete date is sent; a partial one reads as missing (the API says which).
    const birthDate = year && month && day ? year.padStart(4, '0') + '-' + month + '-' + day : '';
    step(screens.customer, 'customer', {
      name_kana: value(form, 'name_kana'),
      birth_date: birthDate,
      phone: value(form, 'phone'),
      email: value(form, 'email'),
      email_confirm: value(form, 'email_confirm'),
    }, (body, answer) => {
      showPhone(body.registered_phone, body.destination_number, body.expires_at, answer.date);
      show('phone-confirm');
    });
  });

  // ③ 電話番号の確認 / ④ 電話番号認証
  let deadline = 0; // performance.now() at which the 120 seconds are over

  // `resumed`: the page was (re)loaded during the window, with the server's own times.
  function showPhone(registered, destination, expiresAt, serverDate, resumed = false) {
    for (const el of main.querySelectorAll('[data-registered-phone]')) el.textContent = registered;
    for (const el of main.querySelectorAll('[data-destination-number]')) {
      el.textContent = destination;
    }
    const call = main.querySelector('[data-call]');
    call.href = 'tel:' + destination.replace(/[^0-9+]/g, '');
    // Time left by the server's clock (its Date header, whole seconds), counted down on ours.
    // The window has just opened, so an answer that makes no sense (a server on a training
    // clock, a skewed header) falls back to the full 120 seconds.
    const serverNow = Date.parse(serverDate || '');
    let left = (Date.parse(expiresAt) - serverNow) / 1000;
    if (!Number.isFinite(left) || (!resumed && (left < 0 || left > 121))) left = 120;
    left = Math.max(0, Math.min(120, left));
    deadline = performance.now() + left * 1000;
    renderCountdown();
  }

  function renderCountdown() {
    const left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
    screens.phone.querySelector('[data-countdown]').textContent = String(left);
    return left;
  }

  function startCountdown() {
    stopCountdown();
    renderCountdown();
    countdownTimer = window.setInterval(() => {
      if (renderCountdown() === 0) stopCountdown();
    }, 250);
  }

  function stopCountdown() {
    if (countdownTimer !== null) window.clearInterval(countdownTimer);
    countdownTimer = null;
  }

  screens['phone-confirm'].querySelector('[data-next]').addEventListener('click', () => {
    show('phone');
    startCountdown();
  });

  screens.phone.querySelector('[data-confirm-phone]').addEventListener('click', () => {
    step(screens.phone, 'phone', {}, () => show('pin'));
  });

  // ⑤ キャッシュカード暗証番号認証
  screens.pin.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const pinField = form.elements.namedItem('pin');
    const pin = pinField.value;
    step(screens.pin, 'pin', { pin }, (body) => {
      pinField.value = '';
      showConsent(body.client_name, body.period_days);
      show('consent');
    });
    pinField.value = '';
  });

  // ⑥ 情報連携認可
  function showConsent(clientName, periodDays) {
    for (const el of screens.consent.querySelectorAll('[data-client-name]')) {
      el.textContent = clientName || data.clientName;
    }
    screens.consent.querySelector('[data-period-days]').textContent = String(periodDays || 30);
  }

  function decide(decision) {
    const agree = document.getElementById('agree-terms').checked;
    step(screens.consent, 'consent', { agree_terms: agree, decision }, (body) => {
      setBusy(true); // leaving the page: nothing more to press
      window.location.assign(body.redirect_uri);
    });
  }
  screens.consent.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    decide('allow');
  });
  screens.consent.querySelector('[data-decision="deny"]').addEventListener('click', () => {
    decide('deny');
  });

  // 中止する (every screen)
  for (const button of main.querySelectorAll('[data-cancel]')) {
    button.addEventListener('click', () => {
      const section = button.closest('section');
      step(section, 'cancel', {}, (body) => {
        if (body.message) {
          screens.cancelled.querySelector('[data-cancelled-message]').textContent = body.message;
        }
        show('cancelled');
      });
    });
  }

  for (const link of main.querySelectorAll('[data-return]')) link.href = returnUri;

  // Where the flow stands when the page (re)loads.
  switch (data.step) {
  case 'account':
    show('account');
    break;
  case 'customer':
    show('customer');
    break;
  case 'phone':
    if (data.destinationNumber) {
      showPhone(data.registeredPhone, data.destinationNumber, data.expiresAt, data.serverNow,
                true);
      show('phone');
      startCountdown();
    } else {
      ended(data.endedMessage);
    }
    break;
  case 'pin':
    show('pin');
    break;
  case 'consent':
    showConsent(data.clientName, 30);
    show('consent');
    break;
  case 'cancelled':
    show('cancelled');
    break;
  default:
    ended(data.endedMessage);
  }
})();
