/*
 * Members and Sharding pages: the cluster's membership (with its changes live from
 * /cluster/events) and where the shards and entities of each sharded type live.
 */
'use strict';

/** The latest membership changes, newest first, kept while the UI is open. */
Osprey.clusterEvents = [];

/** Listens to /cluster/events for as long as the UI is open; each change reloads the page. */
Osprey.watchCluster = function () {
  const source = new EventSource('/cluster/events');
  const onChange = e => {
    const c = JSON.parse(e.data);
    Osprey.clusterEvents.unshift({ at: new Date(), type: c.type, address: c.address, status: c.status });
    Osprey.clusterEvents.length = Math.min(Osprey.clusterEvents.length, 200);
    Osprey.refresh();
  };
  for (const type of ['MemberJoined', 'MemberWeaklyUp', 'MemberUp', 'MemberLeft', 'MemberExited', 'MemberDowned',
    'MemberRemoved', 'MemberPreparingForShutdown', 'MemberReadyForShutdown', 'UnreachableMember', 'ReachableMember',
    'LeaderChanged']) {
    source.addEventListener(type, onChange);
  }
};

Osprey.pages.members = Osprey.dataPage('members-page', async () => {
  const el = Osprey.el;
  const m = await Osprey.api('GET', '/cluster/members');
  const up = m.members.filter(x => x.status === 'Up').length;
  return [
    el('div', { class: 'cards' }, Osprey.card('Members up', `${up} / ${m.members.length}`), Osprey.card('Leader', m.leader || 'none'),
      Osprey.card('Oldest', m.oldest || 'none'), Osprey.card('This node', m.self)),
    el('h2', {}, 'Members'),
    Osprey.table(['Address', 'Status', 'Roles', 'App version', 'Data center', 'Reachable', ''],
      m.members.map(x => ({
        attrs: { 'data-address': x.address },
        cells: [x.address, Osprey.pill(x.status, x.status === 'Up' ? 'good' : 'warn'), x.roles.join(', '),
          x.app_version, x.data_center, Osprey.pill(x.reachable ? 'yes' : 'no', x.reachable ? 'good' : 'bad'),
          [x.address === m.leader ? 'leader' : null, x.address === m.oldest ? 'oldest' : null,
            x.address === m.self ? 'this node' : null].filter(Boolean).join(', ')],
      })), { id: 'members' }),
    el('h2', {}, 'Unreachable observations'),
    Osprey.table(['Member', 'Observed unreachable by'],
      m.unreachable.map(u => ({ cells: [u.address, u.observers.join(', ')] })), { id: 'unreachable' }),
    el('h2', {}, 'Cluster events (live)'),
    el('div', { id: 'events' }, Osprey.table(['Time', 'Event', 'Member', 'Status'],
      Osprey.clusterEvents.map(e => ({ cells: [e.at.toLocaleTimeString(), e.type, e.address || '', e.status || ''] })),
      { id: 'event-list' }))];
});

Osprey.pages.sharding = function (root) {
  const el = Osprey.el;
  const stats = el('div', { id: 'sharding-stats' });
  const type = el('select', { id: 'find-type' });
  const id = el('input', { id: 'find-id', placeholder: 'entity id' });
  const found = el('div', { id: 'find-result' });
  const find = async event => {
    event.preventDefault();
    try {
      const l = await Osprey.api('GET', `/cluster/sharding/${type.value}/entities/${encodeURIComponent(id.value)}`);
      const state = l.state_path ? await Osprey.api('GET', l.state_path).catch(e => ({ error: e.message })) : null;
      found.replaceChildren(
        Osprey.table(['Type', 'Entity', 'Shard', 'Node', 'Running'], [{
          cells: [l.type, l.entity_id, l.shard_id, l.node || 'no node holds the shard',
            Osprey.pill(l.running ? 'running' : 'not running', l.running ? 'good' : '')],
        }], { id: 'location' }),
        state ? el('div', {}, el('div', { class: 'muted' }, 'State: GET ' + l.state_path),
          el('pre', { id: 'entity-state' }, JSON.stringify(state, null, 2))) : '');
    } catch (e) {
      found.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  };
  root.append(el('h2', {}, 'Find an entity'),
    el('form', { class: 'row', onsubmit: find }, type, id, el('button', { type: 'submit', id: 'find' }, 'Find')),
    found, el('h2', {}, 'Shards and entities per node'), stats);
  return async () => {
    const s = await Osprey.api('GET', '/cluster/sharding');
    if (!type.options.length) {
      s.entity_types.forEach(t => type.append(el('option', { value: t.type }, t.type)));
    }
    const rows = [];
    for (const t of s.entity_types) {
      if (!t.nodes.length) rows.push({ cells: [t.type, { v: 'no shard allocated', cls: 'muted' }, '', ''] });
      for (const n of t.nodes) {
        rows.push({ attrs: { 'data-type': t.type }, cells: [t.type, n.address, { v: n.shards, cls: 'num' }, { v: n.entities, cls: 'num' }] });
      }
    }
    stats.replaceChildren(Osprey.table(['Entity type', 'Node', 'Shards', 'Entities'], rows, { id: 'shards' }));
  };
};
