// name: timeline
// description: Everything one actor did or had done to it, in date order, undated last
// param: actor string required The actor, matched case-insensitively on name, alias or surname
// example: dipgraph ask timeline --actor assad
MATCH (a:Actor)
WHERE toLower($actor) IN [k IN [a.name, last(split(a.name, ' ')), last(split(last(split(a.name, ' ')), '-'))] + a.aliases | toLower(k)]
MATCH (a)-[r]-(:Actor)
WHERE r.key IS NOT NULL
// An actor name can match both ends of a claim; show the claim once.
WITH DISTINCT r
OPTIONAL MATCH (p:Actor {id: r.place})
RETURN r.date AS date, startNode(r).name AS source, type(r) AS type,
       endNode(r).name AS target, p.name AS place, r.modality AS modality,
       r.article AS article, head(r.sentences) AS evidence
ORDER BY date = '', date, source, type, target, article
