// Rule (check): an official note of a talk that affects reaching the goal is sent to all members
// of the partnership at once. Seed 004 §6 ust. 1–2. Returns the members the note misses.
function noteMissingRecipients(recipients, members) {
  var missing = [];
  for (var i = 0; i < members.length; i++) {
    if (recipients.indexOf(members[i]) < 0) missing.push(members[i]);
  }
  return missing;
}
