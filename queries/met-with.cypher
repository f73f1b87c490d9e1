// name: met-with
// description: Who met whom: date, place and the sentence that says so; narrow by actor, partner, place and dates
// param: actor actor "" Narrow to one actor, who then comes first
// param: with actor "" Only meetings with this actor
// param: place actor "" Only meetings at this place
// param: since date "" Only meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
// param: until date "" Only meetings on or before this date
// param: modality string "asserted" Only claims of this modality: asserted, negated, possible, planned or proposed; "any" for all
// example: dipgraph ask met-with --actor putin --since 2016
// MET_WITH is stored once per claim, in either direction: without an actor
// each claim is one row; with one, the actor comes first. Dates are strings
// of varying precision, compared at the shorter of the two precisions.
MATCH (a:Actor)
WHERE a.keys CONTAINS CASE $actor WHEN '' THEN '|' ELSE '|' + toLower($actor) + '|' END
MATCH (a)-[r:MET_WITH]-(b:Actor)
WHERE CASE
        WHEN $actor <> '' THEN true
        WHEN $with <> '' THEN b.keys CONTAINS '|' + toLower($with) + '|'
        ELSE startNode(r) = a
      END
  AND ($with = '' OR b.keys CONTAINS '|' + toLower($with) + '|')
  AND ($modality IN ['', 'any'] OR r.modality = toLower($modality))
  AND ($since = '' OR (r.date <> '' AND left(r.date, size($since)) >= left($since, size(r.date))))
  AND ($until = '' OR (r.date <> '' AND left(r.date, size($until)) <= left($until, size(r.date))))
OPTIONAL MATCH (p:Actor {id: r.place})
WITH a, b, r, p
WHERE $place = '' OR (p IS NOT NULL AND p.keys CONTAINS '|' + toLower($place) + '|')
OPTIONAL MATCH (art:Article {id: r.article})
RETURN a.name AS actor, b.name AS met, r.date AS date, p.name AS place,
       r.modality AS modality, r.article AS article, art.title AS title,
       head(r.sentences) AS evidence
ORDER BY date = '', date, actor, met, article
