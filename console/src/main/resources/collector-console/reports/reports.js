// The reports page: asks the server for the period's KPIs and the strategy comparison, fills the
// tables and draws the charts. All figures are computed on the server; nothing is recomputed here.
(function () {
  const today = new Date().toISOString().slice(0, 10);
  const $ = (id) => document.getElementById(id);
  $('from').value = today;
  $('to').value = today;
  const charts = {};

  function query(extra) {
    const p = new URLSearchParams({ from: $('from').value, to: $('to').value });
    Object.entries(extra || {}).forEach(([k, v]) => p.set(k, v));
    return p.toString();
  }

  function fill(table, report) {
    const head = table.querySelector('thead');
    const body = table.querySelector('tbody');
    head.innerHTML = '';
    body.innerHTML = '';
    const tr = document.createElement('tr');
    report.columns.forEach((c) => { const th = document.createElement('th'); th.textContent = c; tr.appendChild(th); });
    head.appendChild(tr);
    report.rows.forEach((row) => {
      const r = document.createElement('tr');
      row.forEach((cell) => {
        const td = document.createElement('td');
        if (cell === null) { td.textContent = '–'; }
        else if (typeof cell === 'number') { td.textContent = Number.isInteger(cell) ? cell : cell.toFixed(3); }
        else { td.textContent = cell; td.className = 'text'; }
        r.appendChild(td);
      });
      body.appendChild(r);
    });
  }

  function column(report, name) {
    const i = report.columns.indexOf(name);
    return report.rows.map((row) => row[i]);
  }

  function draw(id, type, labels, datasets) {
    if (charts[id]) { charts[id].destroy(); }
    if (typeof Chart === 'undefined') { return; }
    charts[id] = new Chart($(id), { type, data: { labels, datasets }, options: { animation: false, responsive: true } });
  }

  async function load() {
    $('error').textContent = '';
    $('kpi-csv').href = '/supervisor/reports/kpis?' + query({ by: $('by').value, format: 'csv' });
    $('strategies-csv').href = '/supervisor/reports/strategies?' + query({ format: 'csv' });
    try {
      const [kpiResponse, strategyResponse] = await Promise.all([
        fetch('/supervisor/reports/kpis?' + query({ by: $('by').value })),
        fetch('/supervisor/reports/strategies?' + query())]);
      const kpis = await kpiResponse.json();
      const strategies = await strategyResponse.json();
      if (!kpiResponse.ok) { throw new Error(kpis.field + ': ' + kpis.reason); }
      if (!strategyResponse.ok) { throw new Error(strategies.field + ': ' + strategies.reason); }
      fill($('kpis'), kpis);
      fill($('strategies'), strategies);
      const keys = column(kpis, kpis.columns[0]);
      draw('rates-chart', 'bar', keys, [
        { label: 'right-party contact rate', data: column(kpis, 'right_party_contact_rate') },
        { label: 'promise rate', data: column(kpis, 'promise_rate') },
        { label: 'promise-kept rate', data: column(kpis, 'promise_kept_rate') },
        { label: 'abandon rate', data: column(kpis, 'abandon_rate') },
        { label: 'SLA compliance', data: column(kpis, 'sla_compliance') }]);
      draw('follow-up-chart', 'bar', keys, [
        { label: 'follow-up tasks', data: column(kpis, 'follow_up_tasks') },
        { label: 'delivered', data: column(kpis, 'delivered') },
        { label: 'delivery failures', data: column(kpis, 'delivery_failures') }]);
      draw('money-chart', 'bar', keys, [
        { label: 'amount promised', data: column(kpis, 'amount_promised') },
        { label: 'amount collected', data: column(kpis, 'amount_collected') }]);
      const labels = strategies.rows.map((r) => r[0] + ' / ' + r[1]);
      draw('strategy-chart', 'bar', labels, [
        { label: 'net recovery per case', data: column(strategies, 'net_recovery_per_case') },
        { label: 'difference vs champion', data: column(strategies, 'difference_vs_champion') },
        { label: 'CI low', data: column(strategies, 'ci_low') },
        { label: 'CI high', data: column(strategies, 'ci_high') }]);
      document.body.dataset.loaded = String(Date.now());
    } catch (e) {
      $('error').textContent = 'The report could not be shown: ' + e.message;
    }
  }

  $('period').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  load();
}());
