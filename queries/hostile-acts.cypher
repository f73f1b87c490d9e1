// name: hostile-acts
// description: Hostile acts: attacks and shoot-downs, by whom against whom, when and where, with evidence
// param: actor actor "" Only acts by or against this actor
// param: since date "" Only acts on or after this date
// param: until date "" Only acts on or before this date
// example: dipgraph ask hostile-acts --actor turkey
// Only asserted claims count: an attack that could happen is not an act.
MATCH (a:Actor)-[r:ATTACKED|SHOT_DOWN]->(b:Actor)
WHERE r.modality = 'asserted'
  AND ($actor = '' OR a.keys CONTAINS '|' + toLower($actor) + '|' OR b.keys CONTAINS '|' + toLower($actor) + '|')
  AND ($since = '' OR (r.date <> '' AND left(r.date, size($since)) >= left($since, size(r.date))))
  AND ($until = '' OR (r.date <> '' AND left(r.date, size($until)) <= left($until, size(r.date))))
OPTIONAL MATCH (p:Actor {id: r.place})
OPTIONAL MATCH (art:Article {id: r.article})
RETURN r.date AS date, a.name AS attacker, type(r) AS act, b.name AS target, p.name AS place,
       r.article AS article, art.title AS title, head(r.sentences) AS evidence
ORDER BY date = '', date, attacker, act, target, article
