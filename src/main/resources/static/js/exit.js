/*
 * Quick exit, after the GOV.UK "Exit this page" pattern. The button is a plain link to /exit, which
 * works without JavaScript; with it, the page is blanked at once and left with location.replace, so
 * the current page is not kept as a history entry. Pressing Shift on its own three times within
 * 5 seconds does the same. The words come from the page (data- attributes), never from this file.
 */
(function () {
  'use strict';

  var PRESSES = 3;
  var WINDOW_MS = 5000;

  var button = document.querySelector('a.quick-exit');
  var status = document.getElementById('exit-status');
  if (!button || !status) {
    return;
  }
  var presses = 0;
  var timer = null;

  function announce(text) {
    status.textContent = text;
  }

  function reset() {
    presses = 0;
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
  }

  function exit(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add('exiting');
    announce(status.getAttribute('data-exiting'));
    window.location.replace(button.href);
  }

  button.addEventListener('click', exit);

  // Like GOV.UK, a press counts when a bare Shift is released: Shift used with another key (capitals,
  // shortcuts) or any other key starts the count again, and auto-repeat while held adds nothing.
  var combined = false;

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Shift' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (!event.repeat) {
        combined = false;
      }
      return;
    }
    combined = true;
    reset();
  });

  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift') {
      return;
    }
    if (combined) {
      combined = false;
      return;
    }
    presses += 1;
    if (presses >= PRESSES) {
      reset();
      exit();
      return;
    }
    announce(status.getAttribute('data-pressed').replace('{n}', String(presses)));
    if (timer === null) {
      timer = window.setTimeout(reset, WINDOW_MS);
    }
  });

  var notice = document.getElementById('exit-notice');
  var dismiss = notice && notice.querySelector('.exit-notice-dismiss');
  if (dismiss) {
    dismiss.addEventListener('click', function (event) {
      event.preventDefault();
      notice.remove();
      var main = document.getElementById('main');
      if (main) {
        main.focus();
      }
    });
  }
})();
