// Progressive enhancement: a print button for the recovery codes (without JavaScript, the browser's own print works).
(function () {
  var button = document.querySelector('[data-print]');
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
})();
