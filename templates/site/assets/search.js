// The index page's search: the module next to the index (search/search.js) ranks the guides; this
// script reads the form, shows the results with why each matched, and keeps the query in the URL.
import { search, searchDepartments, searchFilters } from '../search/search.js';

const form = document.querySelector('form.search');
const input = document.getElementById('q');
const list = document.getElementById('results');
const status = document.getElementById('search-status');
const selects = {
  city: document.getElementById('city'),
  category: document.getElementById('category'),
  department: document.getElementById('department'),
};

const option = (value, text) => {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
};

function fill(select, values, all) {
  const chosen = select.value;
  select.replaceChildren(option('', all), ...values.map(([value, count]) => option(value, `${value}（${count}）`)));
  select.value = values.some(([value]) => value === chosen) ? chosen : '';
}

async function fillDepartments() {
  const departments = await searchDepartments(selects.city.value);
  fill(selects.department, departments ?? [], departments ? '全部部门' : '全部部门（先选地区可按部门找）');
  selects.department.disabled = !departments;
}

function item(children, className) {
  const element = document.createElement('li');
  if (className) element.className = className;
  element.append(...children);
  return element;
}

function span(text, className) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

let shown = 0;
async function show() {
  const query = input.value.trim();
  const filters = Object.fromEntries(Object.entries(selects).map(([name, select]) => [name, select.value]));
  const asked = ++shown;
  if (!query && !Object.values(filters).some(Boolean)) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const { total, results, suggestions } = await search(query, { limit: 20, filters });
  if (asked !== shown) return; // a later search has been typed meanwhile
  list.replaceChildren(
    ...results.map((result) => {
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.title;
      const why = result.matched
        .map(({ word, fields }) => `“${word}”在${fields.slice(0, 3).join('、')}${fields.length > 3 ? '等处' : ''}`)
        .join('；');
      return item([link, span(result.summary, 'meta'), ...(why ? [span(`匹配：${why}`, 'why')] : [])]);
    }),
  );
  if (total) {
    const count = total > results.length ? `找到 ${total} 项，显示前 ${results.length} 项` : `找到 ${total} 项`;
    const missing = results[0].missing;
    // The best result lacks part of the query: say so rather than pretend it is what was asked.
    status.textContent = missing.length ? `没有完全符合的事项，下面的不含“${missing.join('”“')}”。${count}` : count;
  } else {
    const tips = suggestions.length ? `，或试试：${suggestions.join('、')}` : '';
    const what = query ? `“${query}”相关的事项` : '这个范围里的事项';
    status.textContent = `没有找到${what}。换个说法或少写几个字试试（如“身份证”“公积金”），或放宽地区、分类${tips}`;
  }
}

// Listen at once: a citizen may type before the filters are loaded.
input.addEventListener('input', show);
selects.city.addEventListener('change', async () => {
  await fillDepartments();
  show();
});
for (const select of [selects.category, selects.department]) select.addEventListener('change', show);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const state = Object.entries({
    q: input.value,
    ...Object.fromEntries(Object.entries(selects).map(([k, s]) => [k, s.value])),
  });
  history.replaceState(null, '', `?${new URLSearchParams(state.filter(([, value]) => value))}`);
  show();
});

const params = new URLSearchParams(location.search);
if (params.has('q')) input.value = params.get('q');
const { city, category } = await searchFilters();
fill(selects.city, city, '全部地区');
fill(selects.category, category, '全部分类');
for (const name of ['city', 'category']) if (params.has(name)) selects[name].value = params.get(name);
await fillDepartments();
if (params.has('department')) selects.department.value = params.get('department');
form.querySelector('.filters').hidden = false;
show();
