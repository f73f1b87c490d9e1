// name: connection
// description: The shortest connection between two actors through any relations, step by step, with evidence for each step
// param: source actor required One actor
// param: target actor required The other actor
// example: dipgraph ask connection --source assad --target erdogan
// Any claim links two actors, except one that says something did not
// happen; the connection is at most six steps long.
MATCH (a:Actor)
WHERE a.keys CONTAINS '|' + toLower($source) + '|'
MATCH (b:Actor)
WHERE b.keys CONTAINS '|' + toLower($target) + '|' AND b <> a
MATCH p = shortestPath((a)-[:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF*..6]-(b))
WHERE all(r IN relationships(p) WHERE r.modality <> 'negated')
UNWIND range(0, length(p) - 1) AS i
WITH a, b, i, nodes(p)[i] AS x, nodes(p)[i + 1] AS y
CALL (x, y) {
  MATCH (x)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF]-(y)
  WHERE r.modality <> 'negated'
  WITH r ORDER BY type(r), r.date = '', r.date, r.article
  RETURN collect(DISTINCT type(r)) AS relations, head(collect(r.article)) AS article,
         head(collect(head(r.sentences))) AS evidence
}
RETURN a.name AS source, b.name AS target, i + 1 AS step, x.name AS from, relations,
       y.name AS to, article, evidence
ORDER BY source, target, step
