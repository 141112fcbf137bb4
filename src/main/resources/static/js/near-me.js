// "Use my location" on the support search: asks the browser for its position and searches near it.
// The position goes only to this site, rounded to about 100 m. Without JavaScript the place field works alone.
(function () {
  'use strict';
  var box = document.querySelector('[data-geolocation]');
  if (!box || !('geolocation' in navigator)) {
    return;
  }
  var status = box.querySelector('[data-geo-status]');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = status.getAttribute('data-label');
  status.parentNode.insertBefore(button, status);
  button.addEventListener('click', function () {
    status.textContent = status.getAttribute('data-busy');
    navigator.geolocation.getCurrentPosition(function (position) {
      var form = box.closest('form');
      box.querySelector('[data-lat]').value = position.coords.latitude.toFixed(3);
      box.querySelector('[data-lon]').value = position.coords.longitude.toFixed(3);
      form.querySelector('#place').value = '';
      form.querySelector('#sort').value = 'distance';
      form.submit();
    }, function () {
      status.textContent = status.getAttribute('data-failed');
    }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 });
  });
}());
