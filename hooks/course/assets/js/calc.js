// calc.js: the bedside calculators (hooks/course/tools/calculators.py writes each item with its points): the points
// of each item, the total, and what it predicts, as the student fills them in. A score with variants (mEGOS at
// admission or at day 7) shows the points of the variant chosen.
function setupCalc(form) {
  const total = $('.course-calc-total output', form);
  const maxima = $('.course-calc-total', form).dataset.max.split(' ').map(Number);
  const verdicts = $$('.course-calc-verdicts li', form);
  const variant = () => +(($('.course-calc-variant input:checked', form) || {}).value || 0);
  // one number of points per variant, or one for all
  const pick = (list, v) => +(list[v] !== undefined ? list[v] : list[0]);
  const points = (text, v) => pick(text.split(' '), v);
  form.addEventListener('submit', event => event.preventDefault());
  form.addEventListener('input', compute);
  form.addEventListener('change', compute);
  compute();

  // An item's points, or null while it is not filled in (or a number is out of range).
  function got(item, v) {
    const radio = $('input[type="radio"]:checked', item);
    if (radio) return +points(radio.dataset.points, v);
    const select = $('select', item);
    if (select) return select.value === '' ? null : +select.value;
    const input = $('input[type="number"]', item);
    if (!input || input.value === '' || !input.checkValidity()) return null;
    for (const band of input.dataset.bands.split(' ')) {
      const [range, each] = band.split(':');
      const [low, high] = range.split('-').map(Number);
      if (+input.value >= low && +input.value <= high) return pick(each.split(','), v);
    }
    return null;
  }

  function compute() {
    const v = variant();
    const max = maxima[v] !== undefined ? maxima[v] : maxima[0];
    let sum = 0, missing = 0;
    for (const item of $$('.course-calc-item', form)) {
      for (const radio of $$('input[type="radio"]', item)) {
        $('.course-calc-points', radio.parentNode).textContent = `(${t('calc_got', { n: +points(radio.dataset.points, v) })})`;
      }
      const input = $('input[type="number"]', item);
      if (input) {
        $('.course-calc-points', item).textContent = '(' + input.dataset.bands.split(' ').map(band => {
          const [range, each] = band.split(':');
          const [low, high] = range.split('-');
          return `${high}\u2013${low}: ${pick(each.split(','), v)}`;
        }).sort((a, b) => parseInt(b) - parseInt(a)).join('; ') + ')';
      }
      const n = got(item, v);
      const out = $('.course-calc-got', item);
      if (out) out.textContent = n === null ? '' : '= ' + t('calc_got', { n });
      if (n === null) missing += 1;
      else sum += n;
    }
    const verdict = !missing && verdicts.find(li => sum >= +li.dataset.low && sum <= +li.dataset.high);
    verdicts.forEach(li => li.toggleAttribute('aria-current', li === verdict));
    form.dataset.level = verdict ? verdict.dataset.level : '';
    total.textContent = missing ? t('calc_total_partial', { total: sum, max, missing })
      : t('calc_total', { total: sum, max }) + (verdict ? ' ' + verdict.textContent : '');
  }
}

enhance('.course-calc', setupCalc);
window.nmwCalc = () => enhance('.course-calc', setupCalc);
