// Rule (check): a GGK/ZZK meeting takes place on a working day within the office hours of the
// social-assistance centre, also when held at another institution. Seed 002 §4.2.
// `closures` lists the centre's closure days (YYYY-MM-DD). Returns Polish warnings.
function teamMeetingWarnings(m, officeOpen, officeClose, closures) {
  var w = [];
  var day = new Date(m.date + 'T12:00:00Z').getUTCDay();
  if (day === 0 || day === 6) w.push('Posiedzenie musi się odbyć w dzień powszedni.');
  if (closures && closures.indexOf(m.date) >= 0) w.push('Ośrodek jest tego dnia nieczynny.');
  var s = hhmm(m.time), e = s + Number(m.minutes || 0);
  if (s < hhmm(officeOpen) || e > hhmm(officeClose)) {
    w.push('Posiedzenie musi się odbyć w godzinach pracy ośrodka pomocy społecznej.');
  }
  return w;
  function hhmm(t) { var p = String(t).split(':'); return Number(p[0]) * 60 + Number(p[1]); }
}
