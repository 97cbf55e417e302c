/*
 * Starts the UI: the page from the URL's #fragment, reloaded every Osprey.refreshMs (not while a
 * confirmation is open, so that what the operator confirms stays on screen), and the global
 * trading state in the header.
 */
'use strict';

(function () {
  let update = null;
  let busy = false;

  Osprey.refresh = async function () {
    if (!update || busy || document.getElementById('confirm').open) return;
    busy = true;
    try {
      const [global] = await Promise.all([Osprey.api('GET', '/trading-state'), update()]);
      const g = document.getElementById('global-state');
      g.textContent = 'global ' + global.trading_state;
      g.className = 'pill ' + Osprey.stateKind(global.trading_state);
      Osprey.status('updated ' + new Date().toLocaleTimeString());
    } catch (e) {
      Osprey.status(e.message, true);
    } finally {
      busy = false;
    }
  };

  const show = function () {
    const name = Osprey.pages[location.hash.slice(1)] ? location.hash.slice(1) : 'members';
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
    const root = document.getElementById('page');
    root.replaceChildren();
    root.dataset.page = name;
    update = Osprey.pages[name](root);
    Osprey.refresh();
  };

  document.getElementById('kill-switch').addEventListener('click', Osprey.killSwitch);
  window.addEventListener('hashchange', show);
  Osprey.watchCluster();
  show();
  setInterval(Osprey.refresh, Osprey.refreshMs);
})();
