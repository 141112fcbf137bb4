// Shows the print button (hidden without JavaScript, where the browser's own Print works the same).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
