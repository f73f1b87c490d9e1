// name: actors
// description: The actors in the graph, the most mentioned first, with their ids and aliases
// param: label string "" Only actors with this label: Person, Country, Organization, Group or Place
// param: limit int "50" At most this many rows
// example: dipgraph ask actors --label person --limit 10
// Mentions are counted as the node's degree, which Neo4j keeps.
MATCH (a:Actor)
WHERE $label = '' OR toLower($label) IN [l IN labels(a) WHERE l <> 'Actor' | toLower(l)]
RETURN a.name AS name, [l IN labels(a) WHERE l <> 'Actor'][0] AS label, a.id AS id,
       a.country AS country, a.aliases AS aliases,
       COUNT { (a)<-[:MENTIONS]-() } AS articles
ORDER BY articles DESC, name, id
LIMIT $limit
