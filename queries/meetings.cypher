// name: meetings
// description: Meetings with their date, place, format, participants and the articles that report them
// param: actor actor "" Only meetings this actor attended
// param: since date "" Only meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
// param: until date "" Only meetings on or before this date
// example: dipgraph ask meetings --actor erdogan --since 2016
// Dates are strings of varying precision; they are compared at the shorter
// of the two precisions, so "2015" is both since and until "2015-06-01".
MATCH (m:Meeting)
WHERE ($since = '' OR (m.date <> '' AND left(m.date, size($since)) >= left($since, size(m.date))))
  AND ($until = '' OR (m.date <> '' AND left(m.date, size($until)) <= left($until, size(m.date))))
  AND ($actor = '' OR EXISTS {
        MATCH (a:Actor)-[:ATTENDED]->(m)
        WHERE a.keys CONTAINS '|' + toLower($actor) + '|'
      })
OPTIONAL MATCH (m)-[:HELD_IN]->(p:Actor)
CALL (m) {
  MATCH (x:Actor)-[:ATTENDED]->(m)
  WITH x ORDER BY x.name
  RETURN collect(x.name) AS participants
}
CALL (m) {
  MATCH (art:Article)-[:REPORTED]->(m)
  WITH art ORDER BY art.id
  RETURN collect(art.id) AS articles
}
RETURN m.date AS date, p.name AS place, m.format AS format, m.modality AS modality,
       participants, articles, m.id AS meeting
ORDER BY date = '', date, meeting
