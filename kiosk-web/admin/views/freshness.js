// 部门更新情况: each department's last publication and the ones that broke 一周一更新, for the monthly notice.
import { el, formatDate } from '../../common/dom.js';
import { tr } from '../../common/i18n.js';
import { api } from '../api.js';
import { table, badge, field, fill, downloadLink } from '../ui.js';

export var view = {
  id: 'freshness',
  title: function () { return tr('部门更新', 'Freshness'); },
  roles: ['admin', 'reviewer', 'viewer', 'disclosure'],
  render: function (root) {
    var date = el('input', { type: 'date' });
    var results = el('div');
    var form = el('form', { className: 'filters' }, [field(tr('统计日期', 'As of'), date, 'date')]);
    fill(root, [el('p', { className: 'hint', text: tr('一周一更新：超过七天未发布新内容的部门排在最前，导出后用于一月一通报。',
      'At least one update a week: departments with nothing new for seven days come first; export for the monthly notice.') }),
      form, results]);
    function load() {
      var query = date.value ? '?date=' + date.value : '';
      return api('GET', '/api/reports/freshness' + query).then(function (r) {
        if (!date.value) date.value = r.date;
        var stale = r.departments.filter(function (d) { return d.stale; }).length;
        fill(results, [
          el('p', { className: 'summary-line', text: tr('本周 ' + r.week.from.slice(0, 10) + ' 起；' + stale + ' 个部门超过一周未更新。',
            'Week from ' + r.week.from.slice(0, 10) + '; ' + stale + ' departments without an update for over a week.') }),
          downloadLink('/api/reports/freshness?format=csv&date=' + r.date, tr('导出 CSV（一月一通报）', 'Export CSV (monthly notice)')),
          table([
            { title: tr('部门', 'Department'), value: function (d) { return d.name; } },
            { title: tr('最近发布', 'Last published'), value: function (d) { return d.lastPublishedAt ? formatDate(d.lastPublishedAt, true) : tr('从未发布', 'Never'); } },
            { title: tr('本周发布', 'This week'), value: function (d) { return String(d.publishedThisWeek); }, className: 'num' },
            { title: tr('本月发布', 'This month'), value: function (d) { return String(d.publishedThisMonth); }, className: 'num' },
            { title: tr('一周一更新', 'Weekly update'), value: function (d) {
              return d.stale ? badge(tr('超过一周未更新', 'Over a week without update'), 'danger') : badge(tr('正常', 'OK'), 'ok');
            } }
          ], r.departments)]);
      });
    }
    date.addEventListener('change', load);
    form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
    return load();
  }
};
