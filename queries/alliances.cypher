// name: alliances
// description: Alliances: pairs that cooperate or back each other, with how often, when and the evidence
// param: actor actor "" Only the alliances of this actor, who then comes first
// example: dipgraph ask alliances --actor russia
// Backing is an alliance only when it goes both ways; cooperation
// (COOPERATES_WITH) always is. Only asserted claims count.
MATCH (x:Actor)
WHERE x.keys CONTAINS CASE $actor WHEN '' THEN '|' ELSE '|' + toLower($actor) + '|' END
MATCH (x)-[r:COOPERATES_WITH|BACKS]-(y:Actor)
WHERE r.modality = 'asserted'
  AND ($actor <> '' OR x.name < y.name OR (x.name = y.name AND x.id < y.id))
WITH x, y, r, startNode(r) AS s, endNode(r) AS t
WHERE type(r) = 'COOPERATES_WITH' OR EXISTS { (t)-[:BACKS {modality: 'asserted'}]->(s) }
WITH x, y, r ORDER BY r.date = '', r.date, r.article, type(r), startNode(r).name
WITH x, y, collect(type(r)) AS types, count(r) AS claims, [d IN collect(r.date) WHERE d <> ''] AS dates,
     collect(DISTINCT r.article) AS articles, collect(head(r.sentences)) AS sentences
RETURN x.name AS actor, y.name AS ally,
       [h IN ['COOPERATES_WITH', 'BACKS'] WHERE h IN types | CASE h WHEN 'BACKS' THEN 'mutual backing' ELSE 'cooperation' END] AS how,
       claims, head(dates) AS first, last(dates) AS last, articles, head(sentences) AS evidence
ORDER BY claims DESC, actor, ally
