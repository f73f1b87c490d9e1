// name: latest
// description: What is new: the claims of the most recently published articles, newest first
// param: since date "" Only articles published on or after this date; by default those of the latest publication date
// example: dipgraph ask latest
// "Latest" is by publication date: the graph does not record when an
// article was loaded.
// The index on published gives the newest date, and the articles from a
// date on, without reading every article.
MATCH (art:Article)
WHERE art.published > ''
WITH art.published AS newest
ORDER BY newest DESC
LIMIT 1
MATCH (art:Article)
WHERE art.published >= CASE $since WHEN '' THEN newest ELSE left($since, 4) END
  AND CASE
        WHEN $since = '' THEN art.published = newest
        ELSE art.published <> '' AND left(art.published, size($since)) >= left($since, size(art.published))
      END
// A claim's source is always an actor its article mentions.
MATCH (art)-[:MENTIONS]->(s:Actor)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF]->(t:Actor)
WHERE r.article = art.id
RETURN art.published AS published, art.id AS article, art.title AS title, art.source AS outlet,
       s.name AS source, type(r) AS type, t.name AS target, r.date AS date,
       r.modality AS modality, head(r.sentences) AS evidence
ORDER BY published DESC, article, date = '', date, source, type, target
