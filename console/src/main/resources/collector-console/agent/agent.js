// The agent desktop: one socket to /agent/socket, JSON messages both ways (see AgentSocketProtocol).
// The server is the judge of every field; this page shows what it says next to the field it names.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const CODE_LABELS = {
    PROMISE_TO_PAY: 'Promise to pay',
    REFUSED: 'Refused',
    WRONG_PARTY: 'Wrong party',
    NO_CONTACT: 'No contact',
    CALLBACK_REQUESTED: 'Callback requested',
    DISPUTED: 'Disputes the debt',
    PAYMENT_TAKEN: 'Payment taken',
    THIRD_PARTY: 'Message left with a third party',
    DECEASED: 'Deceased',
    CEASE_CONTACT: 'Asked us to cease contact'
  };
  const CHANNEL_LABELS = {
    BANK_TRANSFER: 'bank transfer',
    CARD: 'card',
    DIRECT_DEBIT: 'direct debit',
    CASH: 'cash',
    NOT_STATED: 'channel not stated'
  };
  // What saving these outcomes does beyond recording them: the agent is told before pressing Enter.
  const HOLD_WARNINGS = {
    DECEASED: 'Saving holds every case of this debtor (DECEASED) until the creditor lifts it.',
    CEASE_CONTACT: 'Saving stops every call, SMS and e-mail to this debtor (CEASE_CONTACT) until the creditor lifts it.',
    THIRD_PARTY: 'Say in the notes who took the message and what you left.'
  };
  const LONGEST_CALLBACK_DAYS = 30; // RecordingDisposition's limit, to bound the picker
  // server field -> the input it is about
  const FIELD_INPUTS = {
    agentId: 'agent-id',
    code: 'disposition-code',
    amount: 'promise-amount',
    promisedFor: 'promise-date',
    channel: 'payment-channel',
    callbackAt: 'callback-at',
    notes: 'notes'
  };
  const FIELD_LABELS = {
    agentId: 'Agent id',
    code: 'Outcome',
    amount: 'Amount',
    promisedFor: 'Pay by',
    channel: 'Pays by',
    callbackAt: 'Call back at',
    notes: 'Notes'
  };

  const DRAFT_PREFIX = 'collector.draft.'; // sessionStorage: the form of a call survives a blip or a reload
  // Screen-pop delay, bridge (server's bridgedAt) to the DOM showing the case, in ms: read by the browser test.
  window.collectorPopDelays = [];

  let socket = null;
  let agentId = null;        // set once the agent asked to log in; used to log in again after a reconnect
  let pin = '';              // kept in memory only, to log in again after a network blip
  let offer = null;          // the previewed case waiting for dial or skip
  let wrapUpEnds = null;
  let tick = null;
  let loggedIn = false;
  let state = 'LOGGED_OUT';
  let pop = null;            // the screen pop being worked on
  let saving = false;
  let reconnectDelay = 500;
  let noticeTimer = null;

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/agent/socket');
    socket.addEventListener('open', () => {
      reconnectDelay = 500;
      setConnection('Connected', false);
      if (agentId) {
        send({ type: 'login', agentId: agentId, pin: pin });
      }
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      handle(message);
    });
    socket.addEventListener('close', () => {
      setConnection('Disconnected, reconnecting…', true);
      saving = false;
      updateControls();
      setTimeout(connect, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, 8000);
    });
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
      return true;
    }
    showError('Not connected to the server; try again in a moment.');
    return false;
  }

  function handle(message) {
    switch (message.type) {
      case 'status': return onStatus(message);
      case 'screenPop': return onScreenPop(message);
      case 'preview': return onPreview(message);
      case 'callEnded': return onCallEnded(message);
      case 'dispositionAccepted': return onAccepted(message);
      case 'error': return onError(message);
      default: return undefined;
    }
  }

  function onStatus(message) {
    state = message.state;
    const badge = $('state');
    badge.textContent = state;
    badge.dataset.state = state;
    $('state-since').textContent = (message.since ? 'since ' + new Date(message.since).toLocaleTimeString() : '')
      + (message.pauseReason ? ' · ' + message.pauseReason : '');
    wrapUpEnds = state === 'WRAP_UP' && message.wrapUpEnds ? Date.parse(message.wrapUpEnds) : null;
    fillPauseReasons(message.pauseReasons || []);
    if (state === 'LOGGED_OUT') {
      loggedIn = false;
      agentId = null;
      pin = '';
      clearPop();
      $('agent-panel').hidden = true;
      $('login-panel').hidden = false;
      $('agent-id').focus();
    } else if (!loggedIn) {
      loggedIn = true;
      clearError();
      $('agent-name').textContent = message.agentId || agentId;
      $('login-panel').hidden = true;
      $('agent-panel').hidden = false;
      $('ready').focus();
    }
    updateControls();
  }

  function onScreenPop(message) {
    const samePop = pop && pop.attemptId === message.attemptId;
    pop = message;
    offer = null;
    $('preview-bar').hidden = true;
    renderCase(message);
    $('disposition-panel').hidden = false;
    if (!samePop) {
      resetForm(); // a re-sent pop of the same call keeps what the agent has typed
      restoreDraft(message.attemptId);
      $('disposition-code').focus();
    }
    updateControls();
    // the case is in the DOM now: how long since the debtor was bridged to us
    if (message.bridgedAt) {
      window.collectorPopDelays.push(Date.now() - Date.parse(message.bridgedAt));
    }
  }

  // Preview mode: the case before it is dialed; the agent dials or skips before the countdown ends.
  function onPreview(message) {
    offer = message;
    pop = null;
    renderCase(message);
    $('disposition-panel').hidden = true;
    $('preview-bar').hidden = false;
    $('preview-dial').disabled = false;
    $('preview-skip').disabled = false;
    $('call-state').textContent = 'Preview';
    $('preview-dial').focus();
    updateCountdowns();
  }

  function choosePreview(type) {
    if (!offer) {
      return;
    }
    if (send({ type: type, attemptId: offer.attemptId })) {
      $('preview-dial').disabled = true;
      $('preview-skip').disabled = true;
      if (type === 'previewSkip') {
        offer = null;
        clearPop();
      } else {
        $('call-state').textContent = 'Dialing…';
      }
    }
  }

  function renderCase(message) {
    const c = message.case;
    $('debtor-name').textContent = c.debtor.name;
    $('phone-number').textContent = message.phoneNumber;
    $('total-due').textContent = money(c.totalDue, c.currency);
    $('case-dpd').textContent = String(c.daysPastDue);
    $('case-id').textContent = c.caseId + ' (priority ' + c.priority + ')';
    $('campaign-id').textContent = c.campaignId;
    $('case-language').textContent = c.language || '—';
    const flags = $('case-flags');
    flags.replaceChildren();
    (c.flags || []).forEach((f) => {
      const li = document.createElement('li');
      li.textContent = f;
      flags.append(li);
    });
    const script = $('script');
    script.replaceChildren();
    (message.script || []).forEach((t) => {
      const li = document.createElement('li');
      li.textContent = t;
      script.append(li);
    });
    $('script-box').hidden = !(message.script && message.script.length);
    const points = $('talking-points');
    points.replaceChildren();
    (message.talkingPoints || []).forEach((t) => {
      const li = document.createElement('li');
      li.textContent = t;
      points.append(li);
    });
    $('debtor-time').textContent = debtorTime(c.timeZone);
    $('promise-currency').textContent = c.currency ? '(' + c.currency + ')' : '';
    $('promise-date').min = debtorToday(c.timeZone);
    $('callback-zone').textContent = '(' + c.timeZone + ')';
    $('callback-at').min = debtorNow(c.timeZone, 0);
    $('callback-at').max = debtorNow(c.timeZone, LONGEST_CALLBACK_DAYS);
    setCallState(false);

    const rows = $('claims').querySelector('tbody');
    rows.replaceChildren();
    c.claims.forEach((claim) => {
      const tr = document.createElement('tr');
      // a claim the creditor did not itemize shows dashes, not zeros
      const part = (v) => cell(v === undefined ? '—' : money(v, claim.currency), 'num');
      tr.append(cell(claim.claimId), cell(claim.dueDate),
        cell(String(claim.daysPastDue), claim.daysPastDue >= 90 ? 'num dpd-high' : 'num'),
        part(claim.principal), part(claim.interest), part(claim.fees),
        cell(money(claim.amountDue, claim.currency), 'num'));
      rows.append(tr);
    });

    const promises = $('promises');
    promises.replaceChildren();
    if (!message.promises || message.promises.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = 'No promises.';
      promises.append(li);
    }
    (message.promises || []).forEach((p) => {
      const li = document.createElement('li');
      li.textContent = money(p.amount, c.currency) + ' by ' + p.promisedFor + ' · ' + (CHANNEL_LABELS[p.channel] || p.channel)
        + ' · agent ' + p.agentId + (p.fallenDue ? ' · fallen due' : '');
      if (p.fallenDue) {
        li.className = 'fallen-due';
      }
      promises.append(li);
    });

    const list = $('previous-outcomes');
    list.replaceChildren();
    if (message.previousOutcomes.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = 'No earlier outcomes.';
      list.append(li);
    }
    message.previousOutcomes.forEach((o) => list.append(outcomeItem(o, c.currency, c.timeZone)));

    $('waiting').hidden = true;
    $('screen-pop').hidden = false;
  }

  function onCallEnded(message) {
    if (pop && pop.attemptId === message.attemptId) {
      setCallState(true);
    }
  }

  function onAccepted(message) {
    if (!pop || pop.attemptId !== message.attemptId) {
      return;
    }
    saving = false;
    sessionStorage.removeItem(DRAFT_PREFIX + message.attemptId);
    clearPop();
    showNotice('Disposition saved.');
    updateControls();
  }

  function onError(message) {
    saving = false;
    updateControls();
    const label = FIELD_LABELS[message.field];
    showError((label ? label + ': ' : '') + message.reason);
    const inputId = FIELD_INPUTS[message.field];
    if (inputId) {
      const input = $(inputId);
      input.setAttribute('aria-invalid', 'true');
      const inline = $(message.field + '-error');
      if (inline) {
        inline.textContent = message.reason;
      }
      if (!input.closest('[hidden]')) {
        input.focus();
      }
    }
    if (message.field === 'agentId') {
      // refused, or signed out because the agent logged in from another window: back to the login form,
      // and no automatic login with that id after a reconnect
      agentId = null;
      pin = '';
      if (loggedIn) {
        loggedIn = false;
        state = 'LOGGED_OUT';
        clearPop();
        showError((label ? label + ': ' : '') + message.reason);
        $('agent-panel').hidden = true;
        $('login-panel').hidden = false;
        updateControls();
      }
    }
  }

  function clearPop() {
    pop = null;
    offer = null;
    resetForm();
    ['debtor-name', 'phone-number', 'total-due', 'case-dpd', 'case-id', 'campaign-id', 'debtor-time', 'case-language']
      .forEach((id) => { $(id).textContent = ''; });
    $('claims').querySelector('tbody').replaceChildren();
    $('previous-outcomes').replaceChildren();
    $('promises').replaceChildren();
    $('script').replaceChildren();
    $('case-flags').replaceChildren();
    $('talking-points').replaceChildren();
    $('preview-bar').hidden = true;
    $('screen-pop').hidden = true;
    $('disposition-panel').hidden = true;
    $('waiting').hidden = false;
  }

  function resetForm() {
    $('disposition-form').reset();
    showFieldsFor('');
    clearError();
  }

  // Only the chosen outcome's own fields are shown (and sent).
  function showFieldsFor(code) {
    const money = code === 'PROMISE_TO_PAY' || code === 'PAYMENT_TAKEN';
    $('money-fields').hidden = !money;
    $('amount-label').textContent = code === 'PAYMENT_TAKEN' ? 'Amount paid' : 'Promised amount';
    $('promise-fields').hidden = code !== 'PROMISE_TO_PAY';
    $('callback-fields').hidden = code !== 'CALLBACK_REQUESTED';
    const warning = HOLD_WARNINGS[code];
    $('hold-warning').textContent = warning || '';
    $('hold-warning').hidden = !warning;
  }

  function clearError() {
    $('error').textContent = '';
    document.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  }

  function showError(text) {
    $('notice').textContent = '';
    $('error').textContent = text;
  }

  function showNotice(text) {
    $('notice').textContent = text;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { $('notice').textContent = ''; }, 4000);
  }

  function setConnection(text, down) {
    const el = $('connection');
    el.textContent = text;
    el.classList.toggle('down', down);
  }

  function setCallState(ended) {
    const el = $('call-state');
    el.textContent = ended ? 'Call ended · wrap up' : 'On call';
    el.classList.toggle('ended', ended);
  }

  // The draft of the call's form, kept per attempt so a reload or a reconnect does not lose it.
  function saveDraft() {
    if (!pop) {
      return;
    }
    const draft = {};
    ['disposition-code', 'promise-amount', 'promise-date', 'payment-channel', 'callback-at', 'notes'].forEach((id) => { draft[id] = $(id).value; });
    try {
      sessionStorage.setItem(DRAFT_PREFIX + pop.attemptId, JSON.stringify(draft));
    } catch (e) {
      // storage full or disabled: the form still works, it just does not survive a reload
    }
  }

  function restoreDraft(attemptId) {
    let draft = null;
    try {
      draft = JSON.parse(sessionStorage.getItem(DRAFT_PREFIX + attemptId) || 'null');
    } catch (e) {
      draft = null;
    }
    if (!draft) {
      return;
    }
    Object.keys(draft).forEach((id) => { if ($(id)) { $(id).value = draft[id]; } });
    showFieldsFor($('disposition-code').value);
  }

  function fillPauseReasons(reasons) {
    const select = $('pause-reason');
    if (select.options.length === reasons.length) {
      return;
    }
    select.replaceChildren();
    reasons.forEach((r) => {
      const option = document.createElement('option');
      option.value = r;
      option.textContent = r.charAt(0) + r.slice(1).toLowerCase().replace(/_/g, ' ');
      select.append(option);
    });
  }

  function updateCountdowns() {
    const wrap = $('wrap-up-countdown');
    if (wrapUpEnds !== null) {
      const left = Math.round((wrapUpEnds - Date.now()) / 1000);
      wrap.textContent = left >= 0 ? 'wrap-up ' + left + ' s left' : 'wrap-up overdue by ' + (-left) + ' s';
      wrap.classList.toggle('overdue', left < 0);
    } else {
      wrap.textContent = '';
      wrap.classList.remove('overdue');
    }
    if (offer && offer.dialsAt) {
      $('preview-countdown').textContent = String(Math.max(0, Math.round((Date.parse(offer.dialsAt) - Date.now()) / 1000)));
    }
  }

  function updateControls() {
    $('ready').disabled = state !== 'PAUSED';
    $('pause').disabled = state !== 'READY' && state !== 'PAUSED';
    $('pause-reason').disabled = state !== 'READY' && state !== 'PAUSED';
    $('logout').disabled = state !== 'READY' && state !== 'PAUSED';
    $('submit-disposition').disabled = saving || !pop;
  }

  function submitDisposition() {
    if (!pop || saving) {
      return;
    }
    clearError();
    const code = $('disposition-code').value;
    const message = { type: 'disposition', attemptId: pop.attemptId, code: code, notes: $('notes').value };
    if (code === 'PROMISE_TO_PAY' || code === 'PAYMENT_TAKEN') {
      message.amount = $('promise-amount').value.trim();
      message.channel = $('payment-channel').value;
      if (code === 'PROMISE_TO_PAY') {
        message.promisedFor = $('promise-date').value;
      }
    } else if (code === 'CALLBACK_REQUESTED') {
      // the debtor's wall-clock time as typed (YYYY-MM-DDTHH:MM); the server reads it in the case's zone
      message.callbackAt = $('callback-at').value;
    }
    if (send(message)) {
      saving = true;
      updateControls();
    }
  }

  function money(amount, currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency }).format(Number(amount));
    } catch (e) {
      return amount + ' ' + (currency || '');
    }
  }

  function debtorToday(timeZone) {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone }).format(new Date());
    } catch (e) {
      return '';
    }
  }

  // The debtor's wall-clock date and time of a moment, joined by the separator: YYYY-MM-DD?HH:MM.
  function debtorWallClock(date, timeZone, separator) {
    const parts = {};
    new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit'
    }).formatToParts(date).forEach((p) => { parts[p.type] = p.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + separator + parts.hour + ':' + parts.minute;
  }

  // The debtor's time now (plus some days) as a datetime-local value, YYYY-MM-DDTHH:MM.
  function debtorNow(timeZone, plusDays) {
    try {
      return debtorWallClock(new Date(Date.now() + plusDays * 86400000), timeZone, 'T');
    } catch (e) {
      return '';
    }
  }

  function debtorDateTime(instant, timeZone) {
    try {
      return debtorWallClock(new Date(instant), timeZone, ' ') + ' (' + timeZone + ')';
    } catch (e) {
      return instant;
    }
  }

  function debtorTime(timeZone) {
    try {
      const time = new Intl.DateTimeFormat(undefined, { timeZone: timeZone, hour: '2-digit', minute: '2-digit' })
        .format(new Date());
      return time + ' (' + timeZone + ')';
    } catch (e) {
      return timeZone;
    }
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    return td;
  }

  function outcomeItem(o, currency, timeZone) {
    const li = document.createElement('li');
    const when = document.createElement('span');
    when.textContent = (o.recordedAt || '').slice(0, 10) + ' · ';
    const code = document.createElement('span');
    code.className = 'code';
    code.textContent = CODE_LABELS[o.code] || o.code;
    li.append(when, code);
    let rest = '';
    if (o.code === 'PROMISE_TO_PAY') {
      rest += ' ' + money(o.amount, currency) + ' by ' + o.promisedFor + ' (' + (CHANNEL_LABELS[o.channel] || o.channel) + ')';
    } else if (o.code === 'PAYMENT_TAKEN') {
      rest += ' ' + money(o.amount, currency) + ' (' + (CHANNEL_LABELS[o.channel] || o.channel) + ')';
    } else if (o.code === 'CALLBACK_REQUESTED' && o.callbackAt) {
      rest += ' for ' + debtorDateTime(o.callbackAt, timeZone);
    }
    rest += ' · agent ' + o.agentId;
    if (o.notes) {
      rest += ' · “' + o.notes + '”';
    }
    li.append(document.createTextNode(rest));
    return li;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', (event) => {
      event.preventDefault();
      clearError();
      const id = $('agent-id').value.trim();
      if (!id) {
        onError({ field: 'agentId', reason: 'enter your agent id' });
        return;
      }
      agentId = id;
      pin = $('agent-pin').value;
      $('agent-pin').value = '';
      send({ type: 'login', agentId: id, pin: pin });
    });
    $('ready').addEventListener('click', () => send({ type: 'ready' }));
    $('pause').addEventListener('click', () => send({ type: 'pause', reason: $('pause-reason').value }));
    $('preview-dial').addEventListener('click', () => choosePreview('previewDial'));
    $('preview-skip').addEventListener('click', () => choosePreview('previewSkip'));
    $('logout').addEventListener('click', () => send({ type: 'logout' }));

    $('disposition-code').addEventListener('change', () => showFieldsFor($('disposition-code').value));
    const form = $('disposition-form');
    form.addEventListener('input', saveDraft);
    form.addEventListener('change', saveDraft);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitDisposition();
    });
    // Enter saves from any field, select included; Shift+Enter keeps its new line in the notes.
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) {
        return;
      }
      if (event.target.tagName === 'BUTTON') {
        return;
      }
      event.preventDefault();
      submitDisposition();
    });

    updateControls();
    tick = setInterval(updateCountdowns, 250);
    connect();
  });
})();
