/*
 * Trading and Agents pages: running executors per node and controller, the controllers' risk
 * against their limits, held positions, the P&L over time, and the agents' sessions; with the
 * stop and trading state actions.
 */
'use strict';

/** Global P&L points [{t, v}] sampled at each refresh while the UI is open (at most 1800). */
Osprey.pnlSeries = [];

Osprey.stopExecutor = async function (id) {
  const answer = await Osprey.confirm('Stop executor ' + id,
    'The executor cancels its orders and stops. Without "keep position" it closes its position at market.',
    [{ name: 'keep_position', label: 'Keep position (hand it to the controller\'s position book)', type: 'checkbox' }]);
  if (answer) {
    await Osprey.act('stop ' + id, () => Osprey.api('POST', `/executors/${encodeURIComponent(id)}/stop`,
      { keep_position: answer.keep_position }));
  }
};

Osprey.setTradingState = async function (controller) {
  const answer = await Osprey.confirm('Trading state of ' + controller,
    'ACTIVE trades; REDUCING only reduces positions; HALTED refuses every new order.',
    [{ name: 'state', label: 'State', type: 'select', options: ['ACTIVE', 'REDUCING', 'HALTED'] },
      { name: 'reason', label: 'Reason', placeholder: 'why' }]);
  if (answer) {
    await Osprey.act('trading state of ' + controller, () => Osprey.api('PUT',
      `/controllers/${encodeURIComponent(controller)}/trading-state`, { state: answer.state, reason: answer.reason || null }));
  }
};

Osprey.killSwitch = async function () {
  const answer = await Osprey.confirm('Kill switch',
    'Stops every executor of every controller and sets the global trading state to HALTED.',
    [{ name: 'keep_position', label: 'Keep positions (do not close them at market)', type: 'checkbox' },
      { name: 'reason', label: 'Reason', placeholder: 'why' }]);
  if (answer) {
    await Osprey.act('kill switch', () => Osprey.api('POST', '/kill-switch',
      { keep_position: answer.keep_position, reason: answer.reason || null }));
  }
};

/**
 * Used against limit as a bar; no bar when the limit is off. With `loss`, only a negative value
 * uses the limit (a daily P&L against the most the controller may lose).
 */
Osprey.usage = function (used, limit, loss) {
  const el = Osprey.el;
  const n = Number(used || 0);
  const shown = Number.isInteger(n) ? String(n) : n.toFixed(2);
  if (limit === null || limit === undefined) return el('span', {}, shown + ' ', el('span', { class: 'muted' }, '(no limit)'));
  const using = loss ? Math.max(0, -n) : Math.abs(n);
  const pct = Number(limit) === 0 ? 100 : using / Math.abs(Number(limit)) * 100;
  return el('div', { title: `${used} of ${limit}` }, `${shown} / ${limit}`,
    el('div', { class: 'bar' + (pct >= 100 ? ' over' : '') }, el('span', { style: `width: ${Math.min(pct, 100)}%` })));
};

Osprey.pages.trading = Osprey.dataPage('trading-page', async () => {
  const el = Osprey.el;
  const [search, nodes, controllers, perf, positions] = await Promise.all([
    Osprey.api('POST', '/executors/search', { limit: 1000 }),
    Osprey.api('GET', '/cluster/sharding/Executor/entities'),
    Osprey.api('GET', '/controllers'),
    Osprey.api('GET', '/executors/performance'),
    Osprey.api('GET', '/executors/positions/summary')]);
  const nodeOf = {};
  nodes.nodes.forEach(n => n.entity_ids.forEach(id => { nodeOf[id] = n.address; }));
  const running = search.data.filter(x => x.is_active);
  // Orders placed are in the detail only; read for the running executors shown.
  const details = await Promise.all(running.slice(0, 100).map(x =>
    Osprey.api('GET', '/executors/' + encodeURIComponent(x.executor_id)).catch(() => null)));
  const orders = {};
  details.filter(Boolean).forEach(d => { orders[d.executor_id] = (d.custom_info && d.custom_info.order_ids || []).length; });
  running.sort((a, b) => (nodeOf[a.executor_id] || '').localeCompare(nodeOf[b.executor_id] || '')
    || a.controller_id.localeCompare(b.controller_id) || a.executor_id.localeCompare(b.executor_id));
  const risks = await Promise.all(controllers.controllers.map(c =>
    Osprey.api('GET', `/controllers/${encodeURIComponent(c)}/risk`).catch(() => null)));
  Osprey.pnlSeries.push({ t: Date.now(), v: Number(perf.global_pnl_quote || 0) });
  if (Osprey.pnlSeries.length > 1800) Osprey.pnlSeries.shift();
  return [
    el('div', { class: 'cards' }, Osprey.card('Running executors', running.length, 'running-count'),
      Osprey.card('Global P&L (quote)', Number(perf.global_pnl_quote || 0).toFixed(4), 'global-pnl'),
      Osprey.card('Realized', Number(perf.pnl_total_quote || 0).toFixed(4)),
      Osprey.card('Unrealized', Number(perf.unrealized_pnl_quote || 0).toFixed(4)),
      Osprey.card('Volume', Number(perf.volume_total_quote || 0).toFixed(2))),
    el('h2', {}, 'P&L over time'),
    Osprey.lineChart(Osprey.pnlSeries, 'global P&L, quote'),
    el('h2', {}, 'Running executors by node and controller'),
    Osprey.table(['Node', 'Controller', 'Executor', 'Type', 'Pair', 'Side', 'Status', 'Net P&L', 'Filled (quote)', 'Orders', ''],
      running.map(x => ({
        attrs: { 'data-executor': x.executor_id },
        cells: [nodeOf[x.executor_id] || { v: 'not running on a node', cls: 'muted' }, x.controller_id, x.executor_id,
          x.executor_type, `${x.connector_name} ${x.trading_pair || ''}`, x.side || '', Osprey.pill(x.status, 'good'),
          Osprey.pnl(x.net_pnl_quote), { v: x.filled_amount_quote, cls: 'num' }, { v: orders[x.executor_id] ?? '', cls: 'num' },
          el('button', { class: 'small danger', 'data-stop': x.executor_id, onclick: () => Osprey.stopExecutor(x.executor_id) }, 'Stop')],
      })), { id: 'executors' }),
    el('h2', {}, 'Controllers: risk against limits'),
    Osprey.table(['Controller', 'Trading state', 'Open executors / limit', 'Exposure (quote)', 'Daily P&L / max loss', 'Drawdown % / limit', ''],
      risks.filter(Boolean).map(r => ({
        attrs: { 'data-controller': r.controller_id },
        cells: [r.controller_id, Osprey.pill(r.effective_trading_state, Osprey.stateKind(r.effective_trading_state)),
          Osprey.usage(r.usage.open_executors, r.limits.max_open_executors),
          { v: r.usage.total_exposure_quote, cls: 'num' },
          Osprey.usage(r.usage.daily_pnl_quote, r.limits.max_daily_loss_quote, true),
          Osprey.usage(r.usage.drawdown_pct, r.limits.max_drawdown_pct),
          el('button', { class: 'small', 'data-set-state': r.controller_id, onclick: () => Osprey.setTradingState(r.controller_id) },
            'Set state')],
      })), { id: 'controllers' }),
    el('h2', {}, 'Held positions'),
    Osprey.table(['Controller', 'Venue', 'Pair', 'Side', 'Net amount (base)', 'Unrealized P&L'],
      positions.positions.map(p => ({
        cells: [p.controller_id, p.connector_name, p.trading_pair, p.position_side, { v: p.net_amount_base, cls: 'num' },
          Osprey.pnl(p.unrealized_pnl_quote)],
      })), { id: 'positions' })];
});

Osprey.pages.agents = Osprey.dataPage('agents-page', async () => {
  const el = Osprey.el;
  const list = await Osprey.api('GET', '/agents');
  const agents = (await Promise.all(list.agents.map(id =>
    Osprey.api('GET', '/agents/' + encodeURIComponent(id)).catch(() => null)))).filter(Boolean);
  return [el('h2', {}, 'Agents and their sessions'),
    Osprey.table(['Agent', 'Name', 'Policy', 'Session', 'Status', 'Ticks', 'Last tick', 'Session executors', 'Sessions', 'Executors'],
      agents.map(a => {
        const s = a.session || {};
        return {
          attrs: { 'data-agent': a.id },
          cells: [a.id, a.name, a.policy, s.number ?? 'none', s.status ? Osprey.pill(s.status, s.status === 'RUNNING' ? 'good' : '') : '',
            { v: s.ticks ?? '', cls: 'num' }, s.last_tick_at || '', (s.executors || []).join(', '),
            { v: a.sessions, cls: 'num' }, { v: a.executors, cls: 'num' }],
        };
      }), { id: 'agents' })];
});
