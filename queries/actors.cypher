// name: actors
// description: The actors in the graph, the most mentioned first, with their ids and aliases
// param: label string "" Only actors with this label: Person, Country, Organization, Group or Place
// param: limit int "50" At most this many rows
// example: dipgraph ask actors --label person --limit 10
MATCH (a:Actor)
WHERE $label = '' OR any(l IN labels(a) WHERE l <> 'Actor' AND toLower(l) = toLower($label))
RETURN a.name AS name, [l IN labels(a) WHERE l <> 'Actor'][0] AS label, a.id AS id,
       a.country AS country, a.aliases AS aliases,
       COUNT { (:Article)-[:MENTIONS]->(a) } AS articles
ORDER BY articles DESC, name, id
LIMIT $limit
