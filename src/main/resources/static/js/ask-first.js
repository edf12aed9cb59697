// Asks before a form that cannot be undone lightly is sent: every form with a data-confirm attribute
// shows that text in the browser's confirm dialog and is sent only when the person agrees. A file,
// not inline script, because the Content-Security-Policy allows scripts from this site only.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement)) {
    return;
  }
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);
