// Rule (guard with a reason): a partnership meeting is held on a day the office works. Seed 002
// §3.3 krok 1 ("Ważne aby spotkanie odbywało się w godzinach pracy") and 001 zał. 2 „O czym
// należy pamiętać” pkt 1: never on a day off. dayOff(date) is the municipality's calendar:
// Saturday, Sunday, a statutory holiday by name, the office's closure day. `m` is the event's
// spotkanie {data, ...}. Returns the Polish reason for refusing the plan, "" when it may stand;
// the handbook's advice (length, Mondays and Fridays, noon) stays a warning
// (partnership_meeting_check.js).
function partnershipMeetingDayOff(m) {
  if (!m || !m.data) return 'Podaj datę spotkania.';
  var off = dayOff(m.data);
  return off ? 'Spotkanie musi się odbyć w dniu pracy urzędu, a ' + m.data + ' to ' + off + '.' : '';
}
