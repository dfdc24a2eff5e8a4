// Sorts a table when a column heading is pressed and filters it by the text in its search box.
// Without the script the tables are whole and in the report's order: nothing is lost.
(() => {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const keyOf = (cell) => (cell.hasAttribute('data-value') ? Number(cell.dataset.value) : cell.textContent);

  function sortBy(table, column, heading) {
    const descending = heading.getAttribute('aria-sort') === 'ascending';
    const body = table.tBodies[0];
    const rows = [...body.rows].filter((row) => row.cells.length > column);
    rows.sort((a, b) => {
      const x = keyOf(a.cells[column]);
      const y = keyOf(b.cells[column]);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return descending ? -order : order;
    });
    for (const row of rows) body.append(row);
    for (const other of table.tHead.rows[0].cells) other.removeAttribute('aria-sort');
    heading.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }

  for (const table of document.querySelectorAll('.table table')) {
    [...table.tHead.rows[0].cells].forEach((heading, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = heading.textContent;
      heading.replaceChildren(button);
      button.addEventListener('click', () => sortBy(table, column, heading));
    });
  }

  for (const input of document.querySelectorAll('input[data-filter]')) {
    const table = document.getElementById(input.dataset.filter);
    const shown = input.parentElement.querySelector('.shown');
    input.parentElement.hidden = false;
    input.addEventListener('input', () => {
      const text = input.value.trim().toLowerCase();
      let count = 0;
      for (const row of table.tBodies[0].rows) {
        const match = row.textContent.toLowerCase().includes(text);
        row.hidden = !match;
        if (match) count++;
      }
      shown.textContent = text ? `显示 ${count} 行` : '';
    });
  }
})();
