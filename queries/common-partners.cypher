// name: common-partners
// description: Common partners of two actors: the actors both are related to, and how
// param: actor actor required One actor
// param: other actor required The other actor
// example: dipgraph ask common-partners --actor russia --other turkey
// Any claim relates two actors, except one that says something did not
// happen.
MATCH (a:Actor)
WHERE toLower($actor) IN [k IN [a.id, a.name] + a.aliases + CASE WHEN a:Person THEN [last(split(a.name, ' ')), last(split(last(split(a.name, ' ')), '-'))] ELSE [] END | toLower(k)]
MATCH (b:Actor)
WHERE toLower($other) IN [k IN [b.id, b.name] + b.aliases + CASE WHEN b:Person THEN [last(split(b.name, ' ')), last(split(last(split(b.name, ' ')), '-'))] ELSE [] END | toLower(k)] AND b <> a
MATCH (a)-[r]-(p:Actor)
WHERE r.key IS NOT NULL AND r.modality <> 'negated' AND p <> a AND p <> b
WITH DISTINCT a, b, p
WHERE EXISTS {
  MATCH (p)-[r]-(b)
  WHERE r.key IS NOT NULL AND r.modality <> 'negated'
}
CALL (a, p) {
  MATCH (a)-[r]-(p)
  WHERE r.key IS NOT NULL AND r.modality <> 'negated'
  WITH DISTINCT type(r) AS t ORDER BY t
  RETURN collect(t) AS actor_relations
}
CALL (b, p) {
  MATCH (b)-[r]-(p)
  WHERE r.key IS NOT NULL AND r.modality <> 'negated'
  WITH DISTINCT type(r) AS t ORDER BY t
  RETURN collect(t) AS other_relations
}
RETURN a.name AS actor, b.name AS other, p.name AS partner,
       [l IN labels(p) WHERE l <> 'Actor'][0] AS label, actor_relations, other_relations
ORDER BY actor, other, partner
