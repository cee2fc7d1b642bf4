// timing.js: a length of time as a student reads it ("4 min 12 s", "40 seconds"), a moment ("8 December 2026, 20:30")
// and a day ("9 December"), in the site's language.
function duration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? t('seconds', { n: s }) : t('minutes_seconds', { m: Math.floor(s / 60), s: s % 60 });
}
const moment = iso => new Date(iso).toLocaleString(document.documentElement.lang || undefined,
  { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dayText = iso => new Date(iso + 'T12:00').toLocaleDateString(document.documentElement.lang || undefined, { day: 'numeric', month: 'long' });

