// name: timeline
// description: An actor's timeline: everything it did or had done to it, in date order (undated last), with evidence
// param: actor actor required The actor
// param: since date "" Only events on or after this date
// param: until date "" Only events on or before this date
// example: dipgraph ask timeline --actor erdogan
MATCH (a:Actor)
WHERE a.keys CONTAINS '|' + toLower($actor) + '|'
MATCH (a)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF]-(:Actor)
WHERE ($since = '' OR (r.date <> '' AND left(r.date, size($since)) >= left($since, size(r.date))))
  AND ($until = '' OR (r.date <> '' AND left(r.date, size($until)) <= left($until, size(r.date))))
// An actor name can match both ends of a claim; show the claim once.
WITH DISTINCT r
OPTIONAL MATCH (p:Actor {id: r.place})
RETURN r.date AS date, startNode(r).name AS source, type(r) AS type,
       endNode(r).name AS target, p.name AS place, r.modality AS modality,
       r.article AS article, head(r.sentences) AS evidence
ORDER BY date = '', date, source, type, target, article
