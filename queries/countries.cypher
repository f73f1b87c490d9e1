// name: countries
// description: Country roll-up: what countries did to each other, counting the acts of their leaders, members and bodies (Putin met Assad counts as Russia met Syria)
// param: country actor "" Only relations of this country, which comes first in symmetric ones (MET_WITH, ...)
// param: with actor "" Only relations with this other country
// param: type string "" Only relations of this type, e.g. MET_WITH or backs; empty for all
// example: dipgraph ask countries --country russia
// An actor counts for the country it is, else the countries it leads or is
// a member of (LEADER_OF, MEMBER_OF), else the country of its `country`
// code. Only asserted claims count; LEADER_OF and MEMBER_OF themselves do
// not, nor claims inside one country.
MATCH (x:Actor)-[r]->(y:Actor)
WHERE r.key IS NOT NULL AND r.modality = 'asserted'
  AND NOT type(r) IN ['LEADER_OF', 'MEMBER_OF']
  AND ($type = '' OR type(r) = replace(toUpper($type), '-', '_'))
CALL (x) {
  OPTIONAL MATCH (x)-[l:LEADER_OF|MEMBER_OF {modality: 'asserted'}]->(c:Country)
  WITH x, collect(DISTINCT c) AS held
  OPTIONAL MATCH (n:Country {country: x.country})
  WITH x, held, collect(n) AS national
  UNWIND CASE WHEN x:Country THEN [x] WHEN held <> [] THEN held ELSE national END AS cx
  RETURN cx
}
CALL (y) {
  OPTIONAL MATCH (y)-[l:LEADER_OF|MEMBER_OF {modality: 'asserted'}]->(c:Country)
  WITH y, collect(DISTINCT c) AS held
  OPTIONAL MATCH (n:Country {country: y.country})
  WITH y, held, collect(n) AS national
  UNWIND CASE WHEN y:Country THEN [y] WHEN held <> [] THEN held ELSE national END AS cy
  RETURN cy
}
WITH x, y, r, cx, cy
WHERE cx <> cy
  AND ($country = '' OR toLower($country) IN [k IN [cx.id, cx.name] + cx.aliases + CASE WHEN cx:Person THEN [last(split(cx.name, ' ')), last(split(last(split(cx.name, ' ')), '-'))] ELSE [] END | toLower(k)] OR toLower($country) IN [k IN [cy.id, cy.name] + cy.aliases + CASE WHEN cy:Person THEN [last(split(cy.name, ' ')), last(split(last(split(cy.name, ' ')), '-'))] ELSE [] END | toLower(k)])
  AND ($with = '' OR toLower($with) IN [k IN [cx.id, cx.name] + cx.aliases + CASE WHEN cx:Person THEN [last(split(cx.name, ' ')), last(split(last(split(cx.name, ' ')), '-'))] ELSE [] END | toLower(k)] OR toLower($with) IN [k IN [cy.id, cy.name] + cy.aliases + CASE WHEN cy:Person THEN [last(split(cy.name, ' ')), last(split(last(split(cy.name, ' ')), '-'))] ELSE [] END | toLower(k)])
// Directed relations keep their direction; symmetric ones put the asked
// country first, or else the countries in name order.
WITH r, CASE
          WHEN NOT type(r) IN ['MET_WITH', 'SPOKE_WITH', 'COOPERATES_WITH', 'SIGNED_AGREEMENT'] THEN [cx, cy, x, y]
          WHEN $country <> '' THEN CASE WHEN toLower($country) IN [k IN [cx.id, cx.name] + cx.aliases + CASE WHEN cx:Person THEN [last(split(cx.name, ' ')), last(split(last(split(cx.name, ' ')), '-'))] ELSE [] END | toLower(k)] THEN [cx, cy, x, y] ELSE [cy, cx, y, x] END
          WHEN cx.name <= cy.name THEN [cx, cy, x, y]
          ELSE [cy, cx, y, x]
        END AS o
WITH o[0] AS c1, type(r) AS type, o[1] AS c2, o[2].name + ' -> ' + o[3].name AS who, r
ORDER BY r.date = '', r.date, r.article, who
WITH c1, type, c2, count(r) AS claims, [d IN collect(r.date) WHERE d <> ''] AS dates,
     collect(DISTINCT who) AS via, collect(DISTINCT r.article) AS articles
RETURN c1.name AS country, type, c2.name AS other, claims, head(dates) AS first, last(dates) AS last,
       via, articles
ORDER BY country, type, other
