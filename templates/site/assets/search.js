// Search without jieba in the browser: the build wrote, for every guide, its words (segmented at
// build time) and the character pairs of its names; a query is cut into character pairs, and a
// guide matches when it holds every pair of every word of the query.
(() => {
  const form = document.querySelector('form.search');
  const input = document.getElementById('q');
  const list = document.getElementById('results');
  if (!form || !input || !list) return;
  let index;
  const pairs = (text) => {
    const chars = Array.from(text.replace(/\s+/g, ''));
    if (chars.length < 2) return chars;
    return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
  };
  function search(query) {
    const terms = query.trim().split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    let found;
    for (const gram of terms.flatMap(pairs)) {
      const postings = new Set(index.grams[gram] || []);
      found = found ? found.filter((id) => postings.has(id)) : [...postings];
    }
    return (found || []).map((id) => index.guides[id]);
  }
  function show(query) {
    list.replaceChildren();
    for (const guide of search(query)) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = guide.url;
      link.textContent = guide.title;
      const summary = document.createElement('span');
      summary.className = 'meta';
      summary.textContent = guide.summary;
      item.append(link, summary);
      list.append(item);
    }
    if (!list.children.length && query.trim()) {
      const item = document.createElement('li');
      item.textContent = '没有找到，换个说法试试，如“身份证”“公积金”';
      list.append(item);
    }
  }
  fetch('search-index.json')
    .then((response) => response.json())
    .then((data) => {
      index = data;
      const query = new URLSearchParams(location.search).get('q') || '';
      input.value = query;
      if (query) show(query);
      input.addEventListener('input', () => show(input.value));
    });
})();
