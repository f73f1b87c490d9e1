// name: leaders
// description: The leaders of a country (or body) as reported: who, in what role, when, and which articles say so
// param: country actor "" Only the leaders of this country or body
// example: dipgraph ask leaders --country russia
// "When" is the date the text gives, else the article's publication date.
MATCH (c:Actor)
WHERE c.keys CONTAINS CASE $country WHEN '' THEN '|' ELSE '|' + toLower($country) + '|' END
MATCH (p:Actor)-[r:LEADER_OF]->(c)
WHERE r.modality = 'asserted'
OPTIONAL MATCH (art:Article {id: r.article})
WITH c, p, r.role AS role, r, CASE WHEN r.date <> '' THEN r.date ELSE art.published END AS at
ORDER BY at, r.article
WITH c, p, role, [d IN collect(at) WHERE d <> ''] AS dates, collect(DISTINCT r.article) AS articles,
     collect(head(r.sentences)) AS sentences
RETURN c.name AS country, p.name AS leader, role, head(dates) AS first, last(dates) AS last,
       articles, head(sentences) AS evidence
ORDER BY country, first, leader, role
