/*
 * Duban: the progress of a weekly sweep running in the background, on the supervision queue page.
 * Polls the address in #sweep-progress's data-status-url every few seconds, shows the text it gets
 * (in the reader's language), and reloads the page when the sweep has ended, so the new lights and
 * escalations appear without the person pressing anything.
 */
(function () {
  'use strict';

  var INTERVAL_MS = 3000;
  var box = document.getElementById('sweep-progress');
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute('data-status-url');

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        box.textContent = status.text;
        if (status.running) {
          window.setTimeout(poll, INTERVAL_MS);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        // a lost connection or a log-out: try again later rather than reload into an error page
        window.setTimeout(poll, INTERVAL_MS * 5);
      });
  }

  window.setTimeout(poll, INTERVAL_MS);
})();
