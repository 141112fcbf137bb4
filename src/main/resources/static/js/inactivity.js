/*
 * Signed-in pages: warn before the session runs out and leave for the signed-out page when it has.
 * "Stay signed in" pings the server, which keeps the session alive, and starts the clock again.
 * Without JavaScript a meta refresh (inside <noscript>) does the leaving.
 */
(function () {
  'use strict';

  var box = document.getElementById('inactivity');
  if (!box) {
    return;
  }
  var timeout = Number(box.getAttribute('data-timeout')) * 1000;
  var warning = Number(box.getAttribute('data-warning')) * 1000;
  var countdown = box.querySelector('.inactivity-countdown');
  var stay = box.querySelector('.inactivity-stay');
  var status = document.getElementById('exit-status');
  var deadline = 0;
  var ticker = null;

  function leave() {
    window.location.replace(box.getAttribute('data-signed-out'));
  }

  function format(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
  }

  function tick() {
    var left = deadline - Date.now();
    if (left <= 0) {
      leave();
      return;
    }
    if (left <= warning) {
      if (box.hidden) {
        box.hidden = false;
        if (status) {
          status.textContent = box.getAttribute('data-announce');
        }
      }
      countdown.textContent = format(left);
    }
  }

  function start() {
    deadline = Date.now() + timeout;
    box.hidden = true;
    if (ticker === null) {
      ticker = window.setInterval(tick, 1000);
    }
  }

  stay.addEventListener('click', function () {
    window.fetch(box.getAttribute('data-ping'), { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' })
      .then(function (response) {
        if (response.status === 204) {
          start();
        } else {
          leave();
        }
      })
      .catch(leave);
  });

  start();
})();
