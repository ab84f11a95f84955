// Rule (guard): a change of the regulation is written and accepted by a majority of the members,
// the Leader among them. Seed 004 §9.
function regulationChangeAccepted(v, members) {
  return !!(v && v.written === true && v.leaderFor === true && v.votesFor * 2 > members);
}
