// The support search's filters sit in a disclosure, closed on narrow screens so results come first.
// On a wide screen they fit beside the results, so they start open. Without JavaScript the disclosure works alone.
(function () {
  'use strict';
  var filters = document.querySelector('[data-filters]');
  if (filters && window.matchMedia('(min-width: 50rem)').matches) {
    filters.open = true;
  }
}());
