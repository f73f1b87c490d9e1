// name: connection
// description: The shortest connection between two actors through any relations, step by step, with evidence for each step
// param: source actor required One actor
// param: target actor required The other actor
// example: dipgraph ask connection --source assad --target erdogan
// Any claim links two actors, except one that says something did not
// happen; the connection is at most six steps long.
MATCH (a:Actor)
WHERE toLower($source) IN [k IN [a.id, a.name] + a.aliases + CASE WHEN a:Person THEN [last(split(a.name, ' ')), last(split(last(split(a.name, ' ')), '-'))] ELSE [] END | toLower(k)]
MATCH (b:Actor)
WHERE toLower($target) IN [k IN [b.id, b.name] + b.aliases + CASE WHEN b:Person THEN [last(split(b.name, ' ')), last(split(last(split(b.name, ' ')), '-'))] ELSE [] END | toLower(k)] AND b <> a
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE r.key IS NOT NULL AND r.modality <> 'negated')
UNWIND range(0, length(p) - 1) AS i
WITH a, b, i, nodes(p)[i] AS x, nodes(p)[i + 1] AS y
CALL (x, y) {
  MATCH (x)-[r]-(y)
  WHERE r.key IS NOT NULL AND r.modality <> 'negated'
  WITH r ORDER BY type(r), r.date = '', r.date, r.article
  RETURN collect(DISTINCT type(r)) AS relations, head(collect(r.article)) AS article,
         head(collect(head(r.sentences))) AS evidence
}
RETURN a.name AS source, b.name AS target, i + 1 AS step, x.name AS from, relations,
       y.name AS to, article, evidence
ORDER BY source, target, step
