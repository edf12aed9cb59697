/*
 * Duban: add and remove rows of a dynamic list rendered by templates/forms/fields.html.
 * A list is <fieldset class="dynamiclist" data-path="subTasks" data-row-label="第 __number__ 项">
 * with rows <fieldset class="dl-row"> in <div class="dl-rows">, a <template class="dl-template">
 * whose row uses the index __index__, and the buttons .dl-add and .dl-remove. Parameter names are
 * path[i].key and ids f-path-i-key; after every change the rows are numbered 0, 1, 2... again.
 */
(function () {
  'use strict';
  if (window.dubanDynamicList) {
    return;
  }
  window.dubanDynamicList = true;

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  function rowsOf(list) {
    var container = list.querySelector('.dl-rows');
    return Array.prototype.filter.call(container.children, function (el) {
      return el.classList.contains('dl-row');
    });
  }

  function setIndex(list, row, index) {
    var path = list.getAttribute('data-path');
    var name = new RegExp('^' + escapeRegExp(path) + '\\[[^\\]]*\\]');
    var id = new RegExp('^f-' + escapeRegExp(path.replace(/[^A-Za-z0-9_]+/g, '-')) + '-[^-]+-');
    var idPrefix = 'f-' + path.replace(/[^A-Za-z0-9_]+/g, '-') + '-' + index + '-';
    var elements = [row].concat(Array.prototype.slice.call(row.querySelectorAll('*')));
    elements.forEach(function (el) {
      if (el.hasAttribute('name')) {
        el.setAttribute('name', el.getAttribute('name').replace(name, path + '[' + index + ']'));
      }
      ['id', 'for'].forEach(function (attr) {
        if (el.hasAttribute(attr)) {
          el.setAttribute(attr, el.getAttribute(attr).replace(id, idPrefix));
        }
      });
      if (el.hasAttribute('aria-describedby')) {
        el.setAttribute('aria-describedby', el.getAttribute('aria-describedby').split(/\s+/)
          .map(function (token) { return token.replace(id, idPrefix); }).join(' '));
      }
    });
    row.setAttribute('data-index', String(index));
    var label = row.querySelector('.dl-row-label');
    var pattern = list.getAttribute('data-row-label');
    if (label && pattern) {
      label.textContent = pattern.replace('__number__', String(index + 1));
    }
  }

  function renumber(list) {
    var rows = rowsOf(list);
    rows.forEach(function (row, index) {
      setIndex(list, row, index);
    });
    var add = list.querySelector('.dl-add');
    var max = parseInt(list.getAttribute('data-max-rows') || '0', 10);
    if (add && max > 0) {
      add.disabled = rows.length >= max;
    }
  }

  function addRow(list) {
    var template = list.querySelector('template.dl-template');
    if (!template) {
      return;
    }
    var fragment = document.importNode(template.content, true);
    var row = fragment.querySelector('.dl-row');
    list.querySelector('.dl-rows').appendChild(fragment);
    renumber(list);
    var first = row && row.querySelector('input:not([type=hidden]), select, textarea');
    if (first) {
      first.focus();
    }
  }

  function removeRow(list, row) {
    var rows = rowsOf(list);
    var next = rows[rows.indexOf(row) + 1] || rows[rows.indexOf(row) - 1];
    row.parentNode.removeChild(row);
    renumber(list);
    var focus = next ? next.querySelector('input, select, textarea') : list.querySelector('.dl-add');
    if (focus) {
      focus.focus();
    }
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var add = target && target.closest('.dl-add');
    var remove = target && target.closest('.dl-remove');
    var list = (add || remove) && (add || remove).closest('.dynamiclist');
    if (!list) {
      return;
    }
    event.preventDefault();
    if (add) {
      addRow(list);
    } else {
      removeRow(list, remove.closest('.dl-row'));
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.dynamiclist'), renumber);
  });
}());
