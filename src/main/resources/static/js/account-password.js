// Progressive enhancement: says how the new password's length compares with the rules as it is typed.
(function () {
  var input = document.getElementById('password');
  var hint = document.getElementById('password-strength');
  if (!input || !hint) { return; }
  var MIN = 15, MAX = 256;
  input.addEventListener('input', function () {
    var length = Array.from(input.value.normalize('NFKC')).length;
    var message = length < MIN ? hint.dataset.short.replace('{0}', String(MIN - length))
      : length > MAX ? hint.dataset.long : hint.dataset.ok;
    hint.textContent = message;
    hint.hidden = length === 0;
  });
})();
