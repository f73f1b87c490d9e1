// name: rivalries
// description: Rivalries: pairs where one opposes, accuses, threatens, sanctions, attacks or shoots down the other
// param: actor actor "" Only the rivalries of this actor, who then comes first
// example: dipgraph ask rivalries --actor turkey
// Only asserted claims count; acts keep their direction.
MATCH (x:Actor)
WHERE x.keys CONTAINS CASE $actor WHEN '' THEN '|' ELSE '|' + toLower($actor) + '|' END
MATCH (x)-[r:OPPOSES|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN]-(y:Actor)
WHERE r.modality = 'asserted'
  AND ($actor <> '' OR x.name < y.name OR (x.name = y.name AND x.id < y.id))
WITH x, y, r ORDER BY r.date = '', r.date, r.article, type(r), startNode(r).name
WITH x, y, count(r) AS claims, [d IN collect(r.date) WHERE d <> ''] AS dates,
     collect(DISTINCT startNode(r).name + ' ' + toLower(replace(type(r), '_', ' ')) + ' ' + endNode(r).name) AS acts,
     collect(DISTINCT r.article) AS articles, collect(head(r.sentences)) AS sentences
RETURN x.name AS actor, y.name AS rival, acts, claims, head(dates) AS first, last(dates) AS last,
       articles, head(sentences) AS evidence
ORDER BY claims DESC, actor, rival
