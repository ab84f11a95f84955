// Rule (check): the meeting with the local authorities (mayor, optionally the starost) lasts no
// more than 45 minutes (param authorities.maxMinutes) and ends with a protocol.
// Seed 002 §3.2: "Czas trwania spotkania nie powinien przekraczać 45 minut"; krok 5: protocol.
function authoritiesMeetingWarnings(m, maxMinutes) {
  var w = [];
  if (Number(m.minutes) > maxMinutes) w.push('Spotkanie z władzami trwało dłużej niż ' + maxMinutes + ' minut.');
  if (!m.protocol) w.push('Ze spotkania z władzami należy sporządzić protokół.');
  return w;
}
