// name: contradictions
// description: Contradictions: one article says A backs (or opposes) B, another that A opposes B or does not back (or oppose) B
// param: actor actor "" Only contradictions about this actor, on either side
// param: limit int "100" At most this many rows
// example: dipgraph ask contradictions
// Dates are shown, not compared: a change of side over the years shows up
// here too, for the reader to judge. Every two articles that disagree
// about a pair make a row, so a pair that many articles tell of makes
// many rows: the limit keeps the answer to a screenful.
MATCH (s:Actor)-[r:BACKS|OPPOSES]->(t:Actor)
WHERE r.modality IN ['asserted', 'negated']
  AND ($actor = '' OR s.keys CONTAINS '|' + toLower($actor) + '|' OR t.keys CONTAINS '|' + toLower($actor) + '|')
// The claims of a pair are compared in memory: a pair that many articles
// tell of has many claims, and comparing them in the store would read
// the square of their number. Only a pair with a denial, or with both
// backing and opposition, can hold a contradiction: the others, most of
// them, are not compared at all.
WITH s, t, collect({r: r, type: type(r), modality: r.modality, article: r.article}) AS claims
WHERE any(c IN claims WHERE c.modality = 'negated')
   OR (any(c IN claims WHERE c.type = 'BACKS' AND c.modality = 'asserted')
       AND any(c IN claims WHERE c.type = 'OPPOSES' AND c.modality = 'asserted'))
UNWIND [c IN claims WHERE c.modality = 'asserted'] AS c1
UNWIND [c IN claims WHERE c.article <> c1.article
          AND ((c1.type = 'BACKS' AND c.type = 'OPPOSES' AND c.modality = 'asserted')
            OR (c.type = c1.type AND c.modality = 'negated'))] AS c2
WITH s, t, c1.r AS r1, c2.r AS r2
RETURN s.name AS source, t.name AS target,
       toLower(type(r1)) AS says, r1.date AS date, r1.article AS article, head(r1.sentences) AS evidence,
       CASE
         WHEN r2.modality <> 'negated' THEN toLower(type(r2))
         WHEN type(r2) = 'BACKS' THEN 'does not back'
         ELSE 'does not oppose'
       END AS other_says,
       r2.date AS other_date, r2.article AS other_article, head(r2.sentences) AS other_evidence
ORDER BY source, target, says, article, other_article
LIMIT $limit
