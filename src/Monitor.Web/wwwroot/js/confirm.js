// Asks before a destructive post. The CSP allows no inline script, so forms and buttons carry their question in
// data-confirm (text in the UI language) and this one listener asks it; cancelling stops the post.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var button = event.submitter;
    var question = (button && button.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();
