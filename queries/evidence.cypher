// name: evidence
// description: The evidence for a relation: the sentences behind the claims between two actors, either way round, with their articles' titles, sources and dates
// param: source actor required One actor
// param: target actor required The other actor
// param: type string "" Only relations of this type, e.g. BACKS or met-with; empty for all
// example: dipgraph ask evidence --source russia --target assad --type backs
MATCH (s:Actor)
WHERE s.keys CONTAINS '|' + toLower($source) + '|'
MATCH (t:Actor)
WHERE t.keys CONTAINS '|' + toLower($target) + '|'
MATCH (s)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF]-(t)
WHERE $type = '' OR type(r) = replace(toUpper($type), '-', '_')
WITH DISTINCT r
OPTIONAL MATCH (art:Article {id: r.article})
// One row per sentence; a claim without evidence still shows, with none.
UNWIND CASE size(r.sentences) WHEN 0 THEN [null] ELSE range(0, size(r.sentences) - 1) END AS i
RETURN startNode(r).name AS source, type(r) AS type, endNode(r).name AS target,
       r.date AS date, r.modality AS modality, r.article AS article,
       art.title AS title, art.source AS outlet, art.published AS published,
       r.sentences[i] AS sentence, r.starts[i] AS start, r.ends[i] AS `end`
ORDER BY date = '', date, type, source, target, article, start
