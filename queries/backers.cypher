// name: backers
// description: Who backs and who opposes an actor, claim by claim, with evidence
// param: actor actor required The actor backed or opposed
// param: modality string "asserted" Only claims of this modality: asserted, negated, possible, planned or proposed; "any" for all
// example: dipgraph ask backers --actor assad
MATCH (a:Actor)
WHERE a.keys CONTAINS '|' + toLower($actor) + '|'
MATCH (who:Actor)-[r:BACKS|OPPOSES]->(a)
WHERE $modality IN ['', 'any'] OR r.modality = toLower($modality)
OPTIONAL MATCH (art:Article {id: r.article})
RETURN a.name AS actor, CASE type(r) WHEN 'BACKS' THEN 'backs' ELSE 'opposes' END AS stance,
       who.name AS who, r.date AS date, r.modality AS modality, r.article AS article,
       art.title AS title, head(r.sentences) AS evidence
ORDER BY actor, stance, who, date = '', date, article
