(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var words = data.words;
  var font = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
  var colors = { completed: '#2e9d57', inProgress: '#3f7fd1', notStarted: '#aab2bd', overdue: '#d9363e',
    red: '#d9363e', yellow: '#f2b705', green: '#2e9d57' };
  var charts = [];

  function chart(element, option) {
    option.animation = false;
    option.textStyle = { fontFamily: font, fontSize: 13 };
    option.title.textStyle = { fontSize: 16, fontFamily: font };
    var instance = echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption(option);
    charts.push(instance);
  }

  function statusSeries(items, stacked) {
    return ['completed', 'inProgress', 'notStarted'].map(function (key) {
      return { name: words[key], type: 'bar', stack: stacked, barMaxWidth: 26, itemStyle: { color: colors[key] },
        data: items.map(function (item) { return item[key]; }) };
    });
  }

  chart(document.getElementById('chart-groups'), {
    title: { text: '各督查组整改措施完成率', subtext: '柱的颜色即该组红绿灯', left: 'center' },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
    grid: { left: 16, right: 24, bottom: 16, top: 80, containLabel: true },
    xAxis: { type: 'category', data: data.groups.map(function (g) { return g.name; }), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'bar', name: '完成率', barMaxWidth: 48,
      label: { show: true, position: 'top', formatter: function (p) { return p.value.toFixed(1) + '%'; } },
      data: data.groups.map(function (g) { return { value: g.rate, itemStyle: { color: colors[g.light] } }; }) }]
  });

  chart(document.getElementById('chart-status'), {
    title: { text: '全部整改措施状态', left: 'center', subtext: '其中' + words.overdue + ' ' + data.status.overdue + ' 条',
      subtextStyle: { color: data.status.overdue > 0 ? colors.overdue : '#555', fontSize: 14 } },
    tooltip: { trigger: 'item', formatter: '{b}：{c}条（{d}%）' },
    legend: { bottom: 6, formatter: function (name) {
      var key = ['completed', 'inProgress', 'notStarted'].filter(function (k) { return words[k] === name; })[0];
      return name + ' ' + data.status[key] + '条';
    } },
    graphic: [{ type: 'text', left: 'center', top: '47%', style: { text: '完成率\n' + data.status.rate + '%',
      fontSize: 20, fontWeight: 'bold', fontFamily: font, fill: '#1f2329', align: 'center', lineHeight: 28 } }],
    series: [{ type: 'pie', radius: ['42%', '64%'], center: ['50%', '54%'], label: { show: false },
      data: ['completed', 'inProgress', 'notStarted'].map(function (key) {
        return { name: words[key], value: data.status[key], itemStyle: { color: colors[key] } };
      }) }]
  });

  // two plots over one time axis: 400 tasks done and 3 overdue do not share a scale
  var periods = data.trend.map(function (t) { return t.period; });
  chart(document.getElementById('chart-trend'), {
    title: { text: '各期' + words.headline + '与' + words.overdue + '的整改措施（条）', left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 4 },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ left: 16, right: 32, top: 52, height: '34%', containLabel: true },
      { left: 16, right: 32, top: '60%', height: '22%', containLabel: true }],
    xAxis: [{ type: 'category', gridIndex: 0, data: periods, axisLabel: { show: false } },
      { type: 'category', gridIndex: 1, data: periods }],
    yAxis: [{ type: 'value', gridIndex: 0, minInterval: 1, scale: true, splitNumber: 3 },
      { type: 'value', gridIndex: 1, minInterval: 1, splitNumber: 2 }],
    series: [
      { name: words.headline, type: 'line', xAxisIndex: 0, yAxisIndex: 0, symbolSize: 8, label: { show: true },
        itemStyle: { color: colors.completed }, data: data.trend.map(function (t) { return t.completed; }) },
      { name: words.overdue, type: 'line', xAxisIndex: 1, yAxisIndex: 1, symbolSize: 8, label: { show: true },
        itemStyle: { color: colors.overdue }, data: data.trend.map(function (t) { return t.overdue; }) }]
  });

  var groupUnits = document.getElementById('chart-group-units');
  data.groupUnits.forEach(function (group) {
    var element = document.createElement('div');
    element.className = 'chart';
    element.style.height = Math.max(220, 90 + group.units.length * 30) + 'px';
    groupUnits.appendChild(element);
    // worst first from the top: a category axis draws its first item at the bottom
    var units = group.units.slice().reverse();
    chart(element, {
      title: { text: group.group + '：各单位牵头措施（条）', left: 'center' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 4 },
      grid: { left: 16, right: 24, bottom: 40, top: 44, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: units.map(function (u) { return u.name; }),
        axisLabel: { interval: 0, color: '#1f2329',
          formatter: function (value, index) { return '{' + units[index].light + '|●} ' + value; },
          rich: { red: { color: colors.red }, yellow: { color: colors.yellow }, green: { color: colors.green } } } },
      series: statusSeries(units, 'tasks')
    });
  });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  var table = document.getElementById('exception-table');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById('exception-search');
  var count = document.getElementById('exception-count');

  function filter() {
    var words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) { shown++; }
    });
    count.textContent = '显示 ' + shown + ' / ' + rows.length + ' 条';
  }
  search.addEventListener('input', filter);
  filter();

  function key(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute('data-key') ? cell.getAttribute('data-key') : cell.textContent;
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
    header.title = '点击排序';
    header.addEventListener('click', function () {
      var ascending = header.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var order = key(a, column).localeCompare(key(b, column), 'zh-CN', { numeric: true });
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  document.body.setAttribute('data-ready', 'true');
}());
