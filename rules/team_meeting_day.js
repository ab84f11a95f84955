// Rule (guard with reasons): a GGK/ZZK meeting takes place on a working day of the
// social-assistance centre, within its office hours, also when held at another institution.
// Seed 002 §4.2: "posiedzenia odbywają się w dni powszednie, w godzinach pracy Ośrodka Pomocy
// Społecznej". dayOff(date) is the municipality's calendar: Saturday, Sunday, a statutory holiday
// by name or a closure day of the centre. `p` is the event's posiedzenie {data, godzina, minuty}.
// Returns the Polish reasons for refusing the meeting; an empty list means it may be held.
function teamMeetingProblems(p, officeOpen, officeClose) {
  var w = [];
  if (!p || !p.data) return ['Podaj datę posiedzenia zespołu.'];
  var off = dayOff(p.data);
  if (off) w.push('Posiedzenie musi się odbyć w dniu pracy ośrodka, a ' + p.data + ' to ' + off + '.');
  var s = hhmm(p.godzina), e = s + Number(p.minuty || 0);
  if (!(s >= hhmm(officeOpen) && e <= hhmm(officeClose))) {
    w.push('Posiedzenie musi się odbyć w godzinach pracy ośrodka pomocy społecznej (' + officeOpen +
           '–' + officeClose + ').');
  }
  return w;
  function hhmm(t) { var q = String(t).split(':'); return Number(q[0]) * 60 + Number(q[1]); }
}
