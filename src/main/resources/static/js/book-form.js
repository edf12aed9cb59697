/*
 * Duban: the task book's year and period propose each other (deletions ask first through ask-first.js).
 * - In a form with inputs marked data-book-year, data-book-start and data-book-end, changing the year
 *   proposes the period 1 January to 31 December of that year; changing the period so that it no
 *   longer includes the year proposes the year it starts in (and a start after the end proposes the
 *   end of the start's year). The server checks again: a period that does not include the year is
 *   refused there.
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
    // on input, not change: the proposal is there before the person moves on to the dates, and a
    // change event arriving later (on leaving the field) cannot overwrite dates typed meanwhile
    year.addEventListener('input', function () {
      var y = parseInt(year.value, 10);
      if (isNaN(y) || y < 1000 || y > 9999) {
        return;
      }
      start.value = y + '-01-01';
      end.value = y + '-12-31';
    });
    // a period that no longer includes the year proposes the year it starts in; a term book's period
    // running over several years keeps the year the person gave while it still includes it
    function proposeYear() {
      var from = yearOf(start.value);
      var to = yearOf(end.value);
      var current = parseInt(year.value, 10);
      if (from === null) {
        return;
      }
      if (isNaN(current) || current < from || (to !== null && current > to)) {
        year.value = String(from);
      }
    }
    start.addEventListener('change', function () {
      var from = yearOf(start.value);
      if (from !== null && (!end.value || end.value < start.value)) {
        end.value = from + '-12-31';
      }
      proposeYear();
    });
    end.addEventListener('change', proposeYear);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('form'), wireYearAndPeriod);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
