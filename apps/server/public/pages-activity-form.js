/*
 * 登记活动: reload the roster as soon as the organisation or the date changes (without this
 * script the "载入当日名册" button does the same). The reload is a GET, so the CSRF token is left
 * out of it. A date is reloaded when the field is left, not on every digit typed.
 */
(function () {
  'use strict';
  var form = document.getElementById('activity-form');
  if (!form) return;
  var reload = form.querySelector('[data-reload-button]');
  var token = form.querySelector('input[name="_csrf"]');
  function reloadRoster() {
    if (token) token.disabled = true;
    if (reload) reload.click();
  }
  var fields = form.querySelectorAll('[data-reload-on-change]');
  for (var i = 0; i < fields.length; i++) {
    var field = fields[i];
    if (field.tagName === 'SELECT') {
      field.addEventListener('change', reloadRoster);
    } else {
      field.addEventListener('change', function (e) { e.target.setAttribute('data-changed', '1'); });
      field.addEventListener('blur', function (e) { if (e.target.getAttribute('data-changed')) reloadRoster(); });
    }
  }
  // Coming back with the browser's back button: the token must be sent with the real submit.
  window.addEventListener('pageshow', function () { if (token) token.disabled = false; });
})();
