// The supervisor wall: logs in, then listens to /supervisor/stream (Server-Sent Events, one
// message a second) and draws it. Actions are POSTed; the server checks the session on each.
(function () {
  const $ = id => document.getElementById(id);
  const pct = x => (100 * x).toFixed(2) + ' %';
  const secondsSince = iso => Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  const duration = s => s < 60 ? s + ' s' : s < 3600 ? Math.floor(s / 60) + ' min ' + (s % 60) + ' s'
      : Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  let stream = null;
  let callsChart = null;
  let floorChart = null;
  let closedMinutes = [];

  async function post(path, body) {
    const response = await fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body || {}), credentials: 'same-origin'});
    let json = {};
    try { json = await response.json(); } catch (e) { /* empty body */ }
    return {ok: response.ok, status: response.status, json};
  }

  async function start() {
    const session = await fetch('/supervisor/session', {credentials: 'same-origin'});
    if (session.ok) {
      showBoard((await session.json()).supervisorId);
    } else {
      $('login').hidden = false;
      $('board').hidden = true;
    }
  }

  $('login').addEventListener('submit', async event => {
    event.preventDefault();
    const result = await post('/supervisor/login', {supervisorId: $('supervisor-id').value, pin: $('supervisor-pin').value});
    if (result.ok) {
      $('login-error').textContent = '';
      $('supervisor-pin').value = '';
      showBoard(result.json.supervisorId);
    } else {
      $('login-error').textContent = result.json.error || ('login failed (' + result.status + ')');
    }
  });

  $('logout').addEventListener('click', async () => {
    await post('/supervisor/logout');
    if (stream) { stream.close(); stream = null; }
    $('who').textContent = '';
    $('logout').hidden = true;
    $('board').hidden = true;
    $('login').hidden = false;
  });

  function showBoard(supervisorId) {
    $('login').hidden = true;
    $('board').hidden = false;
    $('who').textContent = supervisorId;
    $('logout').hidden = false;
    if (stream) { stream.close(); }
    stream = new EventSource('/supervisor/stream');
    stream.onmessage = event => draw(JSON.parse(event.data));
    stream.onerror = () => { $('updated').textContent = 'connection lost, retrying…'; $('updated').classList.add('down'); };
  }

  async function act(body) {
    const result = await post('/supervisor/actions', body);
    $('action-result').textContent = result.ok ? 'Done: ' + result.json.done : 'Refused: ' + (result.json.error || result.status);
    $('action-result').classList.toggle('error', !result.ok);
    if (result.status === 401) { start(); }
  }

  function draw(wall) {
    const floor = wall.floor;
    const ended = floor.endedByResult;
    const get = k => ended[k] || 0;
    $('campaign').textContent = floor.campaignId;
    $('pacing').textContent = floor.pacing;
    $('dials-per-minute').textContent = wall.dialsPerMinute.toFixed(1);
    const p = floor.pacingDetail;
    const windowRate = $('window-rate');
    windowRate.textContent = pct(p.abandonRateInWindow) + ' of ' + p.answeredInWindow + ' (cap ' + pct(p.abandonCap)
        + ' over ' + p.window + ')';
    windowRate.classList.toggle('warn', p.abandonRateInWindow >= 0.8 * p.abandonCap && p.answeredInWindow > 0);
    const today = $('today-rate');
    today.textContent = pct(floor.today.abandonRate) + ' (' + floor.today.abandoned + ' of ' + floor.today.answered + ')';
    today.classList.toggle('warn', floor.today.abandonRate >= 0.8 * p.abandonCap && floor.today.answered > 0);
    $('governor').textContent = p.governorEngagedSince ? 'engaged since ' + p.governorEngagedSince + ': ' + p.reason : 'not engaged';
    $('dialed').textContent = floor.dialed;
    $('in-flight').textContent = floor.callsInFlight;
    $('answered').textContent = get('ANSWERED');
    $('human-machine').textContent = floor.humanAnswers + ' / ' + floor.machineAnswers;
    $('answer-rate').textContent = pct(floor.answerRate);
    $('abandoned').textContent = get('ABANDONED');
    $('abandon-rate').textContent = pct(floor.abandonRate);
    $('unreached').textContent = get('BUSY') + ' / ' + get('NO_ANSWER') + ' / ' + get('CONGESTION');
    $('waiting').textContent = floor.waitingCases;
    $('oldest-waiting').textContent = floor.oldestWaiting ? duration(secondsSince(floor.oldestWaiting)) : '–';
    const status = floor.casesByStatus || {};
    $('scheduled').textContent = status.SCHEDULED || 0;
    $('held').textContent = status.HELD || 0;
    $('closed').textContent = status.CLOSED || 0;
    const d = floor.callsPerDebtor;
    $('per-debtor-today').textContent = d.known ? d.callsToday + ' calls to ' + d.debtorsToday + ' debtors, most ' + d.mostToday : 'counting…';
    $('per-debtor-week').textContent = d.known ? d.callsThisWeek + ' calls to ' + d.debtorsThisWeek + ' debtors, most ' + d.mostThisWeek : 'counting…';
    const sla = $('sla');
    sla.textContent = floor.sla.known ? floor.sla.nearDue + ' / ' + floor.sla.pastDue : 'n/a';
    sla.classList.toggle('warn', floor.sla.pastDue > 0);
    const parts = Object.entries(floor.health || {});
    $('health').textContent = parts.length ? parts.map(([k, up]) => k + (up ? ' up' : ' DOWN')).join(', ') : '–';
    $('health').classList.toggle('warn', parts.some(([, up]) => !up));

    $('alerts').replaceChildren(...wall.alerts.map(a => {
      const div = document.createElement('div');
      div.className = 'alert ' + a.severity;
      div.dataset.code = a.code;
      div.textContent = a.message;
      return div;
    }));
    drawCampaigns(floor.campaigns);
    drawAgents(floor.agents);
    const inState = state => floor.agents.filter(a => a.state === state).length;
    $('agents-by-state').textContent = (inState('READY') + inState('RESERVED')) + ' / ' + inState('ON_CALL') + ' / '
        + inState('WRAP_UP') + ' / ' + inState('PAUSED');
    $('journal').replaceChildren(...wall.actions.map(e => {
      const li = document.createElement('li');
      li.textContent = new Date(e.at).toLocaleTimeString() + ' ' + e.supervisorId + ' ' + e.action + ' ' + e.target + ': ' + e.outcome;
      return li;
    }));
    if (wall.history) { closedMinutes = wall.history; }
    drawCharts(wall.minuteSoFar ? closedMinutes.concat([wall.minuteSoFar]) : closedMinutes);
    $('updated').textContent = 'live ' + new Date().toLocaleTimeString();
    $('updated').classList.remove('down');
  }

  // Rows are kept while their campaign or agent stays, so a half-typed cap or a chosen queue survives the next second.
  function keyedRows(tbody, items, key, build, update) {
    const existing = new Map([...tbody.children].map(tr => [tr.dataset.key, tr]));
    const rows = items.map(item => {
      let tr = existing.get(item[key]);
      if (!tr) { tr = build(item); tr.dataset.key = item[key]; }
      update(tr, item);
      return tr;
    });
    tbody.replaceChildren(...rows);
  }

  function cell(tr, text) { const td = document.createElement('td'); td.textContent = text; tr.appendChild(td); return td; }
  function button(text, onClick, cls) { const b = document.createElement('button'); b.type = 'button'; b.textContent = text; b.className = cls; b.addEventListener('click', onClick); return b; }

  function drawCampaigns(campaigns) {
    keyedRows($('campaigns'), campaigns, 'campaignId', c => {
      const tr = document.createElement('tr');
      tr.dataset.campaign = c.campaignId;
      cell(tr, c.campaignId); cell(tr, ''); cell(tr, '').className = 'state'; cell(tr, '').className = 'mode';
      const steer = cell(tr, '');
      steer.append(
          button('Pause', () => act({action: 'pause-campaign', campaignId: c.campaignId, reason: 'paused from the wall'}), 'pause-campaign'),
          button('Resume', () => act({action: 'resume-campaign', campaignId: c.campaignId}), 'resume-campaign'));
      const mode = document.createElement('select');
      mode.className = 'dial-mode';
      ['PREVIEW', 'PROGRESSIVE', 'POWER', 'PREDICTIVE'].forEach(m => mode.add(new Option(m, m)));
      mode.value = c.dialMode;
      steer.append(' ', mode, button('Set mode', () => act({action: 'change-dial-mode', campaignId: c.campaignId, dialMode: mode.value}), 'set-mode'));
      const cap = document.createElement('input');
      cap.className = 'cap'; cap.placeholder = 'cap %';
      steer.append(' ', cap, button('Set cap', () => act({action: 'cap-abandon-rate', campaignId: c.campaignId, abandonCap: cap.value}), 'set-cap'));
      return tr;
    }, (tr, c) => {
      tr.children[1].textContent = c.displayName;
      tr.children[2].textContent = c.state;
      tr.children[3].textContent = c.dialMode;
    });
  }

  function drawAgents(agents) {
    keyedRows($('agents'), agents, 'agentId', a => {
      const tr = document.createElement('tr');
      tr.dataset.agent = a.agentId;
      cell(tr, a.agentId); cell(tr, a.name); cell(tr, '').className = 'state'; cell(tr, '');
      const steer = cell(tr, '');
      const queues = document.createElement('select');
      queues.className = 'queues';
      ['JUNIOR', 'SENIOR>JUNIOR', 'SPECIAL>SENIOR>JUNIOR', 'SPECIAL', 'SENIOR'].forEach(q => queues.add(new Option(q, q)));
      steer.append(button('Pause', () => act({action: 'pause-agent', agentId: a.agentId}), 'pause-agent'), ' ', queues,
          button('Move', () => act({action: 'move-agent', agentId: a.agentId, queues: queues.value}), 'move-agent'));
      return tr;
    }, (tr, a) => {
      tr.children[2].textContent = a.state;
      tr.children[3].textContent = duration(secondsSince(a.since));
    });
  }

  function drawCharts(history) {
    if (typeof Chart === 'undefined') { return; }
    const labels = history.map(m => new Date(m.minute).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}));
    const line = (label, data, color) => ({label, data, borderColor: color, backgroundColor: color, pointRadius: 0, tension: 0.2});
    const calls = [line('dials', history.map(m => m.dials), '#1f5fbf'), line('answered', history.map(m => m.answered), '#1e7a3c'),
      line('abandoned', history.map(m => m.abandoned), '#b3261e')];
    const floor = [line('ready', history.map(m => m.ready), '#1e7a3c'), line('on call', history.map(m => m.onCall), '#1f5fbf'),
      line('cases waiting', history.map(m => m.waiting), '#7a5200')];
    const options = {animation: false, responsive: true, scales: {y: {beginAtZero: true}}};
    if (!callsChart) {
      callsChart = new Chart($('calls-chart'), {type: 'line', data: {labels, datasets: calls}, options});
      floorChart = new Chart($('floor-chart'), {type: 'line', data: {labels, datasets: floor},
        options: {...options, scales: {y: {beginAtZero: true}, y1: {position: 'right', beginAtZero: true}}}});
      floorChart.data.datasets[2].yAxisID = 'y1';
      floorChart.update();
    } else {
      callsChart.data.labels = labels; calls.forEach((d, i) => { callsChart.data.datasets[i].data = d.data; }); callsChart.update();
      floorChart.data.labels = labels; floor.forEach((d, i) => { floorChart.data.datasets[i].data = d.data; }); floorChart.update();
    }
  }

  start();
})();
