/*
 * Osprey operators' UI, core: API calls, DOM building, the confirmation dialog and the page loop.
 * Plain browser JavaScript with no build step (src-docs/decisions.md): the browser's basic
 * credentials for this origin authenticate every call, as they did the page itself.
 */
'use strict';

const Osprey = {
  pages: {},
  /** How often the open page reloads its data. */
  refreshMs: 2000,
};

/** Calls the API; resolves with the JSON answer, rejects with the API's error message. */
Osprey.api = async function (method, path, body) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  const text = await r.text();
  const json = text ? JSON.parse(text) : {};
  if (!r.ok) {
    throw new Error(`${method} ${path}: ${r.status} ${json.message || text}`);
  }
  return json;
};

/** An element: el('td', {class: 'num'}, '1.5', childElement). Strings become text, never HTML. */
Osprey.el = function (tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
};

/** A table of rows, each an array of cells (a cell: text, an element, or {v, cls}). */
Osprey.table = function (headers, rows, attrs) {
  const el = Osprey.el;
  const cell = c => (c && typeof c === 'object' && !(c instanceof Node))
    ? el('td', { class: c.cls }, c.v) : el('td', {}, c);
  return el('table', attrs || {},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows.map(r => el('tr', r.attrs || {}, r.cells.map(cell)))
      : el('tr', {}, el('td', { colspan: headers.length, class: 'muted' }, 'none'))));
};

Osprey.pill = function (text, kind) {
  return Osprey.el('span', { class: 'pill ' + (kind || '') }, text);
};

/** A decimal as a signed, coloured number cell. */
Osprey.pnl = function (value) {
  const n = Number(value || 0);
  return { v: n.toFixed(4), cls: 'num ' + (n > 0 ? 'pos' : n < 0 ? 'neg' : '') };
};

/** A labelled figure at the top of a page. */
Osprey.card = function (label, value, id) {
  return Osprey.el('div', { class: 'card' }, Osprey.el('div', { class: 'label' }, label), Osprey.el('div', { class: 'value', id }, value));
};

Osprey.stateKind = function (state) {
  return state === 'ACTIVE' ? 'good' : state === 'HALTED' ? 'bad' : 'warn';
};

/**
 * Asks the operator to confirm an action. `fields` adds inputs to the dialog: {name, label,
 * type: 'checkbox' | 'select' | 'text', options}. Resolves with the field values, or null when
 * cancelled.
 */
Osprey.confirm = function (title, text, fields) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  const box = document.getElementById('confirm-fields');
  box.replaceChildren();
  const el = Osprey.el;
  for (const f of fields || []) {
    const id = 'confirm-' + f.name;
    const input = f.type === 'select'
      ? el('select', { id, name: f.name }, f.options.map(o => el('option', { value: o }, o)))
      : el('input', { id, name: f.name, type: f.type || 'text', placeholder: f.placeholder });
    box.append(f.type === 'checkbox' ? el('label', {}, input, ' ', f.label) : el('label', {}, f.label, ' ', input));
  }
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'ok') return resolve(null);
      const values = {};
      for (const f of fields || []) {
        const input = document.getElementById('confirm-' + f.name);
        values[f.name] = f.type === 'checkbox' ? input.checked : input.value;
      }
      resolve(values);
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
};

/** Runs a confirmed action and says how it went in the status line; reloads the page's data. */
Osprey.act = async function (what, call) {
  try {
    await call();
    Osprey.status(what + ': done');
  } catch (e) {
    Osprey.status(what + ': ' + e.message, true);
  }
  Osprey.refresh();
};

Osprey.status = function (text, bad) {
  const s = document.getElementById('status');
  s.textContent = text;
  s.className = bad ? 'error' : '';
};

/**
 * A page that rebuilds one section from what `load` returns (an array of elements) at each
 * refresh: the shape of the Members, Trading and Agents pages.
 */
Osprey.dataPage = function (id, load) {
  return function (root) {
    const body = Osprey.el('div', { id });
    root.append(body);
    return async () => body.replaceChildren(...await load());
  };
};
