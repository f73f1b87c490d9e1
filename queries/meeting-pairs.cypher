// name: meeting-pairs
// description: Which pairs meet most: meetings per pair with the first and last date; give two actors for their first and last meeting
// param: actor actor "" Only pairs with this actor, who then comes first
// param: with actor "" Only pairs with this actor
// param: limit int "20" At most this many pairs
// example: dipgraph ask meeting-pairs --actor putin --with erdogan
// Counts Meeting nodes that really happened (modality asserted): each
// article's report of a meeting is one, so two articles on one summit
// count twice; dates tell them apart.
MATCH (x:Actor)
WHERE x.keys CONTAINS CASE $actor WHEN '' THEN '|' ELSE '|' + toLower($actor) + '|' END
MATCH (x)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(y:Actor)
WHERE m.modality = 'asserted'
  AND CASE
        WHEN $actor <> '' THEN true
        WHEN $with <> '' THEN y.keys CONTAINS '|' + toLower($with) + '|'
        ELSE x.name < y.name OR (x.name = y.name AND x.id < y.id)
      END
  AND ($with = '' OR y.keys CONTAINS '|' + toLower($with) + '|')
OPTIONAL MATCH (m)-[:HELD_IN]->(p:Actor)
WITH x, y, m, p ORDER BY m.date = '', m.date, m.id
WITH x, y, count(m) AS meetings, [d IN collect(m.date) WHERE d <> ''] AS dates,
     collect(DISTINCT p.name) AS places, collect(m.id) AS ids
RETURN x.name AS actor, y.name AS met, meetings, head(dates) AS first, last(dates) AS last,
       places, COLLECT { MATCH (art:Article)-[:REPORTED]->(m:Meeting) WHERE m.id IN ids RETURN DISTINCT art.id ORDER BY art.id } AS articles
ORDER BY meetings DESC, actor, met
LIMIT $limit
