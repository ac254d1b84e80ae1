// Progressive enhancement only: every page works without this file.
// An htmx request of an expired session gets 499 from the portal (no redirect inside the page): say so and
// offer the sign-in, which brings the user back to this page.
document.addEventListener('htmx:responseError', function (event) {
  var status = event.detail.xhr.status;
  var box = document.getElementById('session-status');
  if (!box) { return; }
  box.textContent = '';
  var p = document.createElement('p');
  p.className = 'ds-alert';
  p.setAttribute('data-color', status === 499 ? 'warning' : 'danger');
  if (status === 499) {
    p.appendChild(document.createTextNode('Økten din er utløpt. '));
    var a = document.createElement('a');
    a.className = 'ds-link';
    a.href = window.location.pathname + window.location.search;
    a.textContent = 'Logg inn på nytt';
    p.appendChild(a);
  } else {
    p.appendChild(document.createTextNode('Noe gikk galt (status ' + status + '). Last siden på nytt.'));
  }
  box.appendChild(p);
});
