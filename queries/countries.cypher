// name: countries
// description: Country roll-up: what countries did to each other, counting the acts of their leaders, members and bodies (Putin met Assad counts as Russia met Syria)
// param: country actor "" Only relations of this country, which comes first in symmetric ones (MET_WITH, ...)
// param: with actor "" Only relations with this other country
// param: type string "" Only relations of this type, e.g. MET_WITH or backs; empty for all
// example: dipgraph ask countries --country russia
// An actor counts for the country it is, else the countries it leads or is
// a member of (LEADER_OF, MEMBER_OF), else the country of its `country`
// code. Only asserted claims count; LEADER_OF and MEMBER_OF themselves do
// not, nor claims inside one country. The query starts from the asked
// country (from every country without one) and the actors that count for
// it, so that it reads only their claims.
MATCH (c:Country)
WHERE c.keys CONTAINS CASE $country WHEN '' THEN '|' ELSE '|' + toLower($country) + '|' END
CALL (c) {
  RETURN c AS x
  UNION
  MATCH (x:Actor)-[:LEADER_OF|MEMBER_OF {modality: 'asserted'}]->(c)
  WHERE NOT x:Country
  RETURN x
  UNION
  MATCH (x:Actor {country: c.country})
  WHERE NOT x:Country AND NOT EXISTS { (x)-[:LEADER_OF|MEMBER_OF {modality: 'asserted'}]->(:Country) }
  RETURN x
}
MATCH (x)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS]-(y:Actor)
WHERE r.modality = 'asserted'
  AND ($type = '' OR type(r) = replace(toUpper($type), '-', '_'))
  // Without an asked country every claim is met from both ends: keep it
  // once, from its source's country.
  AND ($country <> '' OR startNode(r) = x)
// The country of the other side is found once per actor pair, not once
// per claim: a pair that many articles tell of has many claims.
WITH c, x, y, collect(r) AS claims
CALL (y) {
  OPTIONAL MATCH (y)-[l:LEADER_OF|MEMBER_OF {modality: 'asserted'}]->(h:Country)
  WITH y, collect(DISTINCT h) AS held
  // A country's id is its code's: country:RUS for RUS.
  OPTIONAL MATCH (n:Country {id: 'country:' + y.country})
  WITH y, held, collect(n) AS national
  UNWIND CASE WHEN y:Country THEN [y] WHEN held <> [] THEN held ELSE national END AS cy
  RETURN cy
}
UNWIND claims AS r
WITH c, x, y, r, cy
WHERE cy <> c
  AND ($with = '' OR cy.keys CONTAINS '|' + toLower($with) + '|' OR c.keys CONTAINS '|' + toLower($with) + '|')
WITH r, CASE WHEN startNode(r) = x THEN [c, cy, x, y] ELSE [cy, c, y, x] END AS d, c
// Directed relations keep their direction; symmetric ones put the asked
// country first, or else the countries in name order.
WITH r, CASE
          WHEN NOT type(r) IN ['MET_WITH', 'SPOKE_WITH', 'COOPERATES_WITH', 'SIGNED_AGREEMENT'] THEN d
          WHEN $country <> '' THEN CASE WHEN d[0] = c THEN d ELSE [d[1], d[0], d[3], d[2]] END
          WHEN d[0].name <= d[1].name THEN d
          ELSE [d[1], d[0], d[3], d[2]]
        END AS o
WITH o[0] AS c1, type(r) AS type, o[1] AS c2, o[2].name + ' -> ' + o[3].name AS who, r
ORDER BY r.date = '', r.date, r.article, who
WITH c1, type, c2, count(r) AS claims, [d IN collect(r.date) WHERE d <> ''] AS dates,
     collect(DISTINCT who) AS via, collect(DISTINCT r.article) AS articles
RETURN c1.name AS country, type, c2.name AS other, claims, head(dates) AS first, last(dates) AS last,
       via, articles
ORDER BY country, type, other
