// name: contradictions
// description: Contradictions: one article says A backs (or opposes) B, another that A opposes B or does not back (or oppose) B
// param: actor actor "" Only contradictions about this actor, on either side
// example: dipgraph ask contradictions
// Dates are shown, not compared: a change of side over the years shows up
// here too, for the reader to judge.
MATCH (s:Actor)-[r1:BACKS|OPPOSES {modality: 'asserted'}]->(t:Actor)
WHERE $actor = '' OR s.keys CONTAINS '|' + toLower($actor) + '|' OR t.keys CONTAINS '|' + toLower($actor) + '|'
MATCH (s)-[r2:BACKS|OPPOSES]->(t)
WHERE r2.article <> r1.article
  AND ((type(r1) = 'BACKS' AND type(r2) = 'OPPOSES' AND r2.modality = 'asserted')
    OR (type(r2) = type(r1) AND r2.modality = 'negated'))
RETURN s.name AS source, t.name AS target,
       toLower(type(r1)) AS says, r1.date AS date, r1.article AS article, head(r1.sentences) AS evidence,
       CASE
         WHEN r2.modality <> 'negated' THEN toLower(type(r2))
         WHEN type(r2) = 'BACKS' THEN 'does not back'
         ELSE 'does not oppose'
       END AS other_says,
       r2.date AS other_date, r2.article AS other_article, head(r2.sentences) AS other_evidence
ORDER BY source, target, says, article, other_article
