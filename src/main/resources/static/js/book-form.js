/*
 * Duban: the task book's year and period propose each other, and deletions ask first.
 * - In a form with inputs marked data-book-year, data-book-start and data-book-end, changing the year
 *   proposes the period 1 January to 31 December of that year; changing the start date proposes its
 *   year (and, when the end no longer follows, the end of that year). The server checks again: a
 *   period that does not include the year is refused there.
 * - A form with data-confirm="text" is sent only after the person confirms the text.
 */
(function () {
  'use strict';


  function yearOf(dateText) {
    var match = /^(\d{4})-\d{2}-\d{2}$/.exec(dateText || '');
    return match ? parseInt(match[1], 10) : null;
  }

  function wireYearAndPeriod(form) {
    var year = form.querySelector('[data-book-year]');
    var start = form.querySelector('[data-book-start]');
    var end = form.querySelector('[data-book-end]');
    if (!year || !start || !end) {
      return;
    }
    year.addEventListener('change', function () {
      var y = parseInt(year.value, 10);
      if (isNaN(y) || y < 1000 || y > 9999) {
        return;
      }
      start.value = y + '-01-01';
      end.value = y + '-12-31';
    });
    start.addEventListener('change', function () {
      var y = yearOf(start.value);
      if (y === null) {
        return;
      }
      year.value = String(y);
      if (!end.value || end.value < start.value) {
        end.value = y + '-12-31';
      }
    });
    end.addEventListener('change', function () {
      var y = yearOf(end.value);
      var from = yearOf(start.value);
      var current = parseInt(year.value, 10);
      // an end in another year than the book's leaves the year alone only while the period still includes it
      if (y !== null && from !== null && !(current >= from && current <= y)) {
        year.value = String(from);
      }
    });
  }

  function wireConfirm(form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('form'), wireYearAndPeriod);
    Array.prototype.forEach.call(document.querySelectorAll('form[data-confirm]'), wireConfirm);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
