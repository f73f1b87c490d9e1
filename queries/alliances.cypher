// name: alliances
// description: Alliances: pairs that cooperate or back each other, with how often, when and the evidence
// param: actor actor "" Only the alliances of this actor, who then comes first
// example: dipgraph ask alliances --actor russia
// Backing is an alliance only when it goes both ways; cooperation
// (COOPERATES_WITH) always is. Only asserted claims count.
MATCH (x:Actor)-[r:COOPERATES_WITH|BACKS]-(y:Actor)
WHERE r.modality = 'asserted'
  AND CASE WHEN $actor <> '' THEN toLower($actor) IN [k IN [x.id, x.name] + x.aliases + CASE WHEN x:Person THEN [last(split(x.name, ' ')), last(split(last(split(x.name, ' ')), '-'))] ELSE [] END | toLower(k)] ELSE x.name < y.name OR (x.name = y.name AND x.id < y.id) END
  AND (type(r) = 'COOPERATES_WITH' OR EXISTS {
        MATCH (s:Actor)-[b:BACKS {modality: 'asserted'}]->(t:Actor)
        WHERE s = endNode(r) AND t = startNode(r)
      })
WITH x, y, r ORDER BY r.date = '', r.date, r.article, type(r), startNode(r).name
WITH x, y, collect(type(r)) AS types, count(r) AS claims, [d IN collect(r.date) WHERE d <> ''] AS dates,
     collect(DISTINCT r.article) AS articles, collect(head(r.sentences)) AS sentences
RETURN x.name AS actor, y.name AS ally,
       [h IN ['COOPERATES_WITH', 'BACKS'] WHERE h IN types | CASE h WHEN 'BACKS' THEN 'mutual backing' ELSE 'cooperation' END] AS how,
       claims, head(dates) AS first, last(dates) AS last, articles, head(sentences) AS evidence
ORDER BY claims DESC, actor, ally
