// name: met-with
// description: Who met whom: date, place and the sentence that says so
// param: actor string "" Narrow to one actor, matched case-insensitively on name, alias or surname
// param: modality string "asserted" Only claims of this modality: asserted, negated, possible, planned or proposed; "any" for all
// example: dipgraph ask met-with --actor putin
// MET_WITH is stored once per claim, in either direction: without an actor
// each claim is one row; with one, the actor comes first.
MATCH (a:Actor)-[r:MET_WITH]-(b:Actor)
WHERE CASE $actor
        WHEN '' THEN startNode(r) = a
        ELSE toLower($actor) IN [k IN [a.name, last(split(a.name, ' ')), last(split(last(split(a.name, ' ')), '-'))] + a.aliases | toLower(k)]
      END
  AND ($modality IN ['', 'any'] OR r.modality = toLower($modality))
OPTIONAL MATCH (p:Actor {id: r.place})
OPTIONAL MATCH (art:Article {id: r.article})
RETURN a.name AS actor, b.name AS met, r.date AS date, p.name AS place,
       r.modality AS modality, r.article AS article, art.title AS title,
       head(r.sentences) AS evidence
ORDER BY date = '', date, actor, met, article
