// name: common-partners
// description: Common partners of two actors: the actors both are related to, and how
// param: actor actor required One actor
// param: other actor required The other actor
// example: dipgraph ask common-partners --actor russia --other turkey
// Any claim relates two actors, except one that says something did not
// happen.
MATCH (a:Actor)
WHERE a.keys CONTAINS '|' + toLower($actor) + '|'
MATCH (b:Actor)
WHERE b.keys CONTAINS '|' + toLower($other) + '|' AND b <> a
// Both actors are found before any claim is read: otherwise the planner
// may look b up again for every claim of a.
WITH DISTINCT a, b
MATCH (a)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF]-(p:Actor)
WHERE r.modality <> 'negated' AND p <> a AND p <> b
WITH DISTINCT a, b, p
WHERE EXISTS {
  MATCH (p)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF]-(b)
  WHERE r.modality <> 'negated'
}
CALL (a, p) {
  MATCH (a)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF]-(p)
  WHERE r.modality <> 'negated'
  WITH DISTINCT type(r) AS t ORDER BY t
  RETURN collect(t) AS actor_relations
}
CALL (b, p) {
  MATCH (b)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF]-(p)
  WHERE r.modality <> 'negated'
  WITH DISTINCT type(r) AS t ORDER BY t
  RETURN collect(t) AS other_relations
}
RETURN a.name AS actor, b.name AS other, p.name AS partner,
       [l IN labels(p) WHERE l <> 'Actor'][0] AS label, actor_relations, other_relations
ORDER BY actor, other, partner
