// name: connected
// description: The most connected actors: how many others each is related to, by how many claims in how many articles
// param: label string "" Only actors with this label: Person, Country, Organization, Group or Place
// param: limit int "10" At most this many rows
// example: dipgraph ask connected --label person
// Any claim relates two actors, except one that says something did not
// happen. Loading keeps each actor's counts of them (partners, claims,
// claim_articles), under an index that gives the most connected first,
// so the query reads the first rows of that index and not every claim.
MATCH (a:Actor)
WHERE a.partners > 0
  AND ($label = '' OR any(l IN labels(a) WHERE l <> 'Actor' AND toLower(l) = toLower($label)))
RETURN a.name AS actor, [l IN labels(a) WHERE l <> 'Actor'][0] AS label,
       a.partners AS partners, a.claims AS claims, a.claim_articles AS articles
ORDER BY a.partners DESC, claims DESC, actor
LIMIT $limit
