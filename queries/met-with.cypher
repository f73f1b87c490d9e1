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
MATCH (a:Actor)-[r:MET_WITH]-(b:Actor)
WHERE CASE
        WHEN $actor <> '' THEN toLower($actor) IN [k IN [a.id, a.name] + a.aliases + CASE WHEN a:Person THEN [last(split(a.name, ' ')), last(split(last(split(a.name, ' ')), '-'))] ELSE [] END | toLower(k)]
        WHEN $with <> '' THEN toLower($with) IN [k IN [b.id, b.name] + b.aliases + CASE WHEN b:Person THEN [last(split(b.name, ' ')), last(split(last(split(b.name, ' ')), '-'))] ELSE [] END | toLower(k)]
        ELSE startNode(r) = a
      END
  AND ($with = '' OR toLower($with) IN [k IN [b.id, b.name] + b.aliases + CASE WHEN b:Person THEN [last(split(b.name, ' ')), last(split(last(split(b.name, ' ')), '-'))] ELSE [] END | toLower(k)])
  AND ($modality IN ['', 'any'] OR r.modality = toLower($modality))
  AND ($since = '' OR (r.date <> '' AND left(r.date, size($since)) >= left($since, size(r.date))))
  AND ($until = '' OR (r.date <> '' AND left(r.date, size($until)) <= left($until, size(r.date))))
OPTIONAL MATCH (p:Actor {id: r.place})
WITH a, b, r, p
WHERE $place = '' OR (p IS NOT NULL AND toLower($place) IN [k IN [p.id, p.name] + p.aliases + CASE WHEN p:Person THEN [last(split(p.name, ' ')), last(split(last(split(p.name, ' ')), '-'))] ELSE [] END | toLower(k)])
OPTIONAL MATCH (art:Article {id: r.article})
RETURN a.name AS actor, b.name AS met, r.date AS date, p.name AS place,
       r.modality AS modality, r.article AS article, art.title AS title,
       head(r.sentences) AS evidence
ORDER BY date = '', date, actor, met, article
