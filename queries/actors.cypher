// name: actors
// description: The actors in the graph, the most mentioned first, with their ids and aliases
// param: label string "" Only actors with this label: Person, Country, Organization, Group or Place
// param: limit int "50" At most this many rows
// example: dipgraph ask actors --label person --limit 10
// Loading keeps each actor's count of the articles that mention it
// (mentions), under an index that gives the actors most mentioned first,
// so the query reads the first rows of that index and not every actor.
MATCH (a:Actor)
WHERE a.mentions >= 0
  AND ($label = '' OR toLower($label) IN [l IN labels(a) WHERE l <> 'Actor' | toLower(l)])
RETURN a.name AS name, [l IN labels(a) WHERE l <> 'Actor'][0] AS label, a.id AS id,
       a.country AS country, a.aliases AS aliases, a.mentions AS articles
ORDER BY a.mentions DESC, name, id
LIMIT $limit
