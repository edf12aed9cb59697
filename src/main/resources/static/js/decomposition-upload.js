/*
 * Duban: upload a decomposition table (分解表) with a progress bar. Enhances
 * <form class="decomposition-upload" enctype="multipart/form-data"> holding an <input type="file">,
 * a hidden .upload-progress with a <progress> and a .upload-status, and the texts in data-* attributes
 * (data-max-bytes, data-msg-too-large, data-msg-progress with {0} for the percent, data-msg-checking,
 * data-msg-failed). The form is sent by XMLHttpRequest with the CSRF token as a header too, so that a
 * file over the server's limit still gets the page's message; the answer (the preview, or the page
 * with the file's problems) replaces the page; a refused file is put into the page's problem-sheet
 * form, so that its sheet with a 问题 column downloads without choosing the file again. Without
 * JavaScript the forms post as usual.
 */
(function () {
  'use strict';

  function format(pattern, value) {
    return (pattern || '').replace('{0}', String(value));
  }

  function showStatus(form, text, fraction) {
    var box = form.querySelector('.upload-progress');
    var bar = box && box.querySelector('progress');
    var status = form.querySelector('.upload-status');
    if (box) {
      box.hidden = false;
    }
    if (bar) {
      if (fraction === null) {
        bar.removeAttribute('value');
      } else {
        bar.value = Math.round(fraction * 100);
      }
    }
    if (status) {
      status.textContent = text;
    }
  }

  function setBusy(form, busy) {
    Array.prototype.forEach.call(form.querySelectorAll('button, input[type=file]'), function (el) {
      el.disabled = busy;
    });
  }

  /** The refused file is offered again to the form that downloads it with a problem column, so it need not be chosen twice. */
  function keepFile(file) {
    var input = document.querySelector('form.problem-sheet input[type=file]');
    if (!file || !input || !window.DataTransfer) {
      return;
    }
    try {
      var kept = new DataTransfer();
      kept.items.add(file);
      input.files = kept.files;
    } catch (e) {
      // an older browser: the person chooses the file again
    }
  }

  function showAnswer(xhr, file) {
    var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    if (page.title) {
      document.title = page.title;
    }
    document.documentElement.replaceChild(document.adoptNode(page.body), document.body);
    keepFile(file);
    if (xhr.responseURL && window.history && window.history.replaceState) {
      window.history.replaceState(null, '', xhr.responseURL);
    }
    window.scrollTo(0, 0);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('decomposition-upload')) {
      return;
    }
    if (!window.XMLHttpRequest || !window.FormData || !window.DOMParser) {
      return;
    }
    var input = form.querySelector('input[type=file]');
    var file = input && input.files && input.files[0];
    var max = parseInt(form.getAttribute('data-max-bytes') || '0', 10);
    if (file && max > 0 && file.size > max) {
      event.preventDefault();
      showStatus(form, form.getAttribute('data-msg-too-large'), 0);
      return;
    }
    event.preventDefault();
    var data = new FormData(form);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'text/html');
    var token = form.querySelector('input[name="_csrf"]');
    if (token) {
      xhr.setRequestHeader('X-CSRF-TOKEN', token.value);
    }
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        showStatus(form, format(form.getAttribute('data-msg-progress'), Math.round(e.loaded * 100 / e.total)), e.loaded / e.total);
      }
    });
    xhr.upload.addEventListener('load', function () {
      showStatus(form, form.getAttribute('data-msg-checking'), null);
    });
    xhr.addEventListener('load', function () {
      var type = xhr.getResponseHeader('Content-Type') || '';
      if (type.indexOf('text/html') === 0) {
        showAnswer(xhr, file);
      } else {
        setBusy(form, false);
        showStatus(form, form.getAttribute('data-msg-failed'), 0);
      }
    });
    xhr.addEventListener('error', function () {
      setBusy(form, false);
      showStatus(form, form.getAttribute('data-msg-failed'), 0);
    });
    setBusy(form, true);
    showStatus(form, format(form.getAttribute('data-msg-progress'), 0), 0);
    xhr.send(data);
  });
}());
