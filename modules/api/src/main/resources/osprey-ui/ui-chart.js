/*
 * A line chart drawn as SVG: enough for a P&L over time, so no chart library is vendored.
 */
'use strict';

/** An SVG chart of points [{t: Date ms, v: number}], with the zero line and min/max labels. */
Osprey.lineChart = function (points, label) {
  const ns = 'http://www.w3.org/2000/svg';
  const W = 1200, H = 220, pad = { l: 60, r: 10, t: 14, b: 22 };
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const add = (tag, attrs, text) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  const vs = points.map(p => p.v).concat([0]);
  const min = Math.min(...vs), max = Math.max(...vs);
  const span = max - min || 1;
  const t0 = points.length ? points[0].t : 0;
  const t1 = points.length ? points[points.length - 1].t : 1;
  const x = t => pad.l + (W - pad.l - pad.r) * (t1 === t0 ? 1 : (t - t0) / (t1 - t0));
  const y = v => pad.t + (H - pad.t - pad.b) * (1 - (v - min) / span);
  add('line', { class: 'axis', x1: pad.l, x2: W - pad.r, y1: y(0), y2: y(0) });
  add('text', { x: 4, y: y(max) + 4 }, max.toFixed(2));
  add('text', { x: 4, y: y(min) + 4 }, min.toFixed(2));
  add('text', { x: pad.l, y: H - 6 }, label + (points.length ? ' since ' + new Date(t0).toLocaleTimeString() : ''));
  if (points.length) {
    add('polyline', { class: 'line', points: points.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ') });
  }
  return svg;
};
