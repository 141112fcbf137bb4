// Preselects the browser's own time zone in a time-zone list the person has not chosen from yet
// (account/fragments.html, zoneField). Without this script the list keeps the region's zone.
// A browser that says UTC is often one hiding its zone on purpose, so UTC is not taken as a guess.
(function () {
  'use strict';
  var select = document.querySelector('select[data-guess-zone]');
  if (!select || !window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || /^(Etc\/)?(UTC|GMT|UCT|Universal|Zulu)$/.test(zone)) {
    return;
  }
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.value = zone;
      return;
    }
  }
})();
