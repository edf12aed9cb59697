// 院领导驾驶舱: draws the board's charts with ECharts from /board/data (same filter as the page).
// Every bar and slice opens the list of the items behind it. No inline script: the CSP forbids it.
(function () {
  'use strict';
  var root = document.getElementById('board-charts');
  if (!root || !window.echarts) {
    return;
  }
  var COLORS = { RED: '#d63031', YELLOW: '#e6a700', GREEN: '#2f9e44', NONE: '#9aa5b1', CLOSED: '#52606d' };
  var SHOWN = ['RED', 'YELLOW', 'GREEN', 'NONE', 'CLOSED'];
  var charts = [];
  var tooltip = { trigger: 'item', renderMode: 'richText' };
  // a point is drawn as a filled dot, larger when it is the only one: one month must show, not vanish as a line
  function pointSize(count) {
    return count === 1 ? 12 : 8;
  }

  function format(pattern, value) {
    return (pattern || '').replace('{0}', String(value));
  }

  function chart(element, option) {
    var c = echarts.init(element, null, { renderer: 'canvas' });
    c.setOption(option);
    charts.push(c);
    return c;
  }

  function go(url) {
    if (url) {
      window.location.href = url;
    }
  }

  function lights(data) {
    var element = document.getElementById('chart-lights');
    if (!element) return;
    var slices = SHOWN.map(function (b) {
      return { name: data.labels['bucket.' + b], value: data.total.counts[b], bucket: b, itemStyle: { color: COLORS[b] } };
    });
    chart(element, {
      tooltip: tooltip,
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: slices, label: { show: element.clientWidth > 480, formatter: '{b} {c}' } }]
    }).on('click', function (p) { go(data.total.links[p.data.bucket]); });
  }

  function departments(data) {
    var element = document.getElementById('chart-departments');
    if (!element) return;
    var rows = data.departments.slice().reverse();
    element.style.height = Math.max(220, 40 + rows.length * 28) + 'px';
    var series = SHOWN.map(function (b) {
      return {
        type: 'bar', stack: 'items', name: data.labels['bucket.' + b], bucket: b, itemStyle: { color: COLORS[b] },
        data: rows.map(function (r) { return r.counts[b]; })
      };
    });
    chart(element, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.label; }) },
      series: series
    }).on('click', function (p) { go(rows[p.dataIndex].links[SHOWN[p.seriesIndex]]); });
  }

  function progress(data) {
    var element = document.getElementById('chart-progress');
    // departments that never reported have no line to draw: the table above ranks them first
    var reported = data.progress.filter(function (d) { return d.months.length > 0; });
    if (!element || reported.length === 0) return;
    var months = [];
    reported.forEach(function (d) {
      d.months.forEach(function (m) { if (months.indexOf(m.period) < 0) months.push(m.period); });
    });
    months.sort();
    var series = reported.map(function (d) {
      var byMonth = {};
      d.months.forEach(function (m) { byMonth[m.period] = m.actual - m.expected; });
      return {
        type: 'line', name: d.label, connectNulls: true, showSymbol: true, symbol: 'circle',
        symbolSize: pointSize(months.length),
        label: { show: months.length === 1, position: 'top' },
        data: months.map(function (p) { return p in byMonth ? byMonth[p] : null; })
      };
    });
    series[0].markLine = { silent: true, symbol: 'none', lineStyle: { color: '#52606d' }, data: [{ yAxis: 0 }] };
    chart(element, {
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { type: 'scroll', bottom: 0 },
      // room above the plot for the axis name, which containLabel does not measure
      grid: { left: 8, right: 16, top: 32, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: data.labels['chart.gap'], nameTextStyle: { align: 'left' } },
      series: series
    });
  }

  function indicators(data) {
    var holder = document.getElementById('chart-indicators');
    if (!holder) return;
    if (data.indicators.length === 0) {
      var none = document.createElement('p');
      none.className = 'empty';
      none.textContent = data.labels['chart.noData'];
      holder.appendChild(none);
      return;
    }
    var base = root.getAttribute('data-item-base');
    data.indicators.forEach(function (s) {
      var box = document.createElement('div');
      box.className = 'board-chart';
      var title = document.createElement('h3');
      var link = document.createElement('a');
      link.href = base + s.itemId;
      link.textContent = s.title;
      title.appendChild(link);
      var sub = document.createElement('small');
      sub.className = 'hint';
      sub.textContent = ' ' + (s.department || '') + ' · ' + s.item;
      title.appendChild(sub);
      box.appendChild(title);
      holder.appendChild(box);
      if (s.values.length === 0) {
        var empty = document.createElement('p');
        empty.className = 'empty';
        // say who owes the readings, not only that there are none
        empty.textContent = s.notReportedBy
          ? format(data.labels['chart.notReported'], s.notReportedBy)
          : data.labels['chart.noReadings'];
        box.appendChild(empty);
        return;
      }
      var element = document.createElement('div');
      element.className = 'chart';
      box.appendChild(element);
      var lines = [];
      if (s.target !== null) {
        lines.push({ yAxis: s.target, name: data.labels['chart.target'], lineStyle: { color: '#d63031', type: 'solid' } });
      }
      if (s.baseline !== null) {
        lines.push({ yAxis: s.baseline, name: data.labels['chart.baseline'], lineStyle: { color: '#9aa5b1', type: 'dotted' } });
      }
      var points = s.values.map(function (v, i) {
        var color = s.met[i] ? COLORS.GREEN : s.onSchedule[i] ? COLORS.YELLOW : COLORS.RED;
        return { value: v, itemStyle: { color: color } };
      });
      chart(element, {
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        // the target and baseline labels sit inside the plot (insideEndTop), so a long one is not cut at the edge
        grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: s.periods },
        yAxis: { type: 'value', scale: true, name: s.unit || '' },
        series: [
          {
            type: 'line', name: data.labels['chart.reading'], data: points, showSymbol: true, symbol: 'circle',
            symbolSize: pointSize(s.values.length), label: { show: s.values.length === 1, position: 'top' },
            lineStyle: { color: '#0b5cad' },
            markLine: { silent: true, symbol: 'none', label: { formatter: '{b} {c}', position: 'insideEndTop' }, data: lines }
          },
          {
            // with one month the expected line is a single point: a diamond, or it would not show at all
            type: 'line', name: data.labels['chart.expected'], data: s.expected,
            symbol: s.values.length === 1 ? 'diamond' : 'none', symbolSize: pointSize(s.values.length),
            lineStyle: { type: 'dashed', color: '#52606d' }
          }
        ]
      });
    });
  }

  fetch(root.getAttribute('data-src'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      lights(data);
      departments(data);
      progress(data);
      indicators(data);
    });

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
