// Rule (check): a partnership meeting with institutions is planned as the handbook advises.
// Seed 002 §3.3 krok 1 and 001 zał. 2 „O czym należy pamiętać” pkt 1: not longer than two hours
// (param meeting.maxMinutes), avoid Mondays and Fridays, within office hours, around noon is safe.
// Returns a list of Polish warnings; an empty list means the plan is fine.
function partnershipMeetingWarnings(m, maxMinutes, officeOpen, officeClose) {
  var w = [];
  var start = hhmm(m.start), end = hhmm(m.end);
  if (end - start > maxMinutes) w.push('Spotkanie trwa dłużej niż ' + maxMinutes + ' minut.');
  var day = new Date(m.date + 'T12:00:00Z').getUTCDay();
  if (day === 1 || day === 5) w.push('Unikaj spotkań w poniedziałki i piątki.');
  if (day === 0 || day === 6) w.push('Spotkanie wypada w dzień wolny od pracy.');
  if (start < hhmm(officeOpen) || end > hhmm(officeClose)) {
    w.push('Spotkanie wykracza poza godziny pracy urzędu.');
  }
  if (start < hhmm('10:00') || start > hhmm('13:00')) {
    w.push('Najbezpieczniejsze są godziny około południa.');
  }
  return w;
  function hhmm(t) { var p = String(t).split(':'); return Number(p[0]) * 60 + Number(p[1]); }
}
