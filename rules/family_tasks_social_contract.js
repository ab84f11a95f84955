// Rule (computed): when the person or family is absent from the team meeting, the plan is set for
// the institutions and the family's own tasks (zadania[].rodzina === true) are set in the social
// contract instead. Seed 002 §4.3. Returns the tasks that go to the social contract.
function tasksForSocialContract(plan, familyPresent) {
  if (familyPresent !== false) return [];
  var out = [];
  for (var i = 0; i < plan.zadania.length; i++) {
    if (plan.zadania[i].rodzina === true) out.push(plan.zadania[i]);
  }
  return out;
}
